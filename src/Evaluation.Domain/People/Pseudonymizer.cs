using System.Security.Cryptography;
using System.Text;

namespace Evaluation.Domain.People;

/// <summary>
/// Keyed pseudonyms: HMAC-SHA-256 of an identifier with a secret key (SPEC §2, §8).
/// Without the key the pseudonym cannot be linked back or across keys.
/// </summary>
public sealed class Pseudonymizer
{
    private readonly byte[] key;

    public Pseudonymizer(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("A pseudonym key must be at least 32 bytes.", nameof(key));
        }

        this.key = (byte[])key.Clone();
    }

    /// <summary>Lower-case hex of the full HMAC-SHA-256.</summary>
    public string Pseudonym(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(identifier));
        return Convert.ToHexStringLower(mac);
    }

    public string Pseudonym(CprNumber cpr) => Pseudonym(cpr.Digits);
}
