using System.Security.Cryptography;
using System.Text;

namespace Evaluation.Export;

/// <summary>
/// The keyed values of one research project (SPEC §8): pseudonyms and date shifts from HMAC-SHA-256
/// with the project's secret key, so that the same project gets the same values on every export and
/// two projects cannot link their datasets. The database keeps no CPR number, only a keyed hash of it
/// (the person key); the project pseudonym is the HMAC of that person key with the project key,
/// which is as unlinkable across projects and as stable within one as an HMAC of the CPR itself.
/// </summary>
public sealed class ProjectKeys(byte[] key)
{
    private readonly byte[] key = key is { Length: >= 32 } ? (byte[])key.Clone() : throw new ArgumentException("A project key must be at least 32 bytes.", nameof(key));

    public string Person(string personKey) => Hex("person:" + personKey);

    public string Course(string courseId) => Hex("course:" + courseId);

    /// <summary>A per-person shift of 1 to 30 days, earlier or later, the same for every date of that person.</summary>
    public int DateShift(string personKey)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("shift:" + personKey));
        int days = (BitConverter.ToUInt16(mac, 0) % 30) + 1;
        return (mac[2] & 1) == 0 ? days : -days;
    }

    /// <summary>A code per worker for this export only (worker ids are not exported).</summary>
    public static string WorkerCode(int number) => $"W{number:D3}";

    private string Hex(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)))[..32];
}
