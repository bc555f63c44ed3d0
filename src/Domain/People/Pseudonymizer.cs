using System.Security.Cryptography;
using System.Text;

namespace Evaluation.Domain.People;

/// <summary>
/// Keyed pseudonyms: HMAC-SHA-256 of an identifier with a secret key (SPEC §2, §8).
/// Without the key the pseudonym cannot be linked back or across keys.
/// </summary>
public sealed class Pseudonymizer
{
    // One keyed HMAC, reused under a lock: a one-shot HMAC sets up its key on every call, which
    // took twice as long per CPR number as the hashing.
    private readonly HMACSHA256 hmac;
    private readonly Lock gate = new();

    public Pseudonymizer(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("A pseudonym key must be at least 32 bytes.", nameof(key));
        }

        hmac = new HMACSHA256(key); // keeps its own copy of the key
    }

    /// <summary>Lower-case hex of the full HMAC-SHA-256.</summary>
    public string Pseudonym(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var bytes = Encoding.UTF8.GetBytes(identifier);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        lock (gate)
        {
            hmac.TryComputeHash(bytes, mac, out _);
        }

        return Convert.ToHexStringLower(mac);
    }

    public string Pseudonym(CprNumber cpr) => Pseudonym(cpr.Digits);
}
