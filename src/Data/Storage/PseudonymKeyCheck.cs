using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Evaluation.Data.Storage;

/// <summary>
/// Guards against loading data with a different pseudonym key than the data already stored
/// (SPEC §2): the same woman would get two person keys. The first key used with a database leaves
/// its fingerprint (an HMAC of a fixed text, which reveals nothing of the key) in <c>settings</c>;
/// every later start compares. This matters when several servers share one database.
/// </summary>
public static class PseudonymKeyCheck
{
    private const string SettingName = "pseudonym_key_fingerprint";

    public static string Fingerprint(byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("evaluation pseudonym key fingerprint")))[..16];

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, byte[] key, string keyFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(key);
        var fingerprint = Fingerprint(key);
        await using var command = dataSource.CreateCommand(
            """
            WITH added AS (
                INSERT INTO settings (name, value) VALUES (@name, @value)
                ON CONFLICT (name) DO NOTHING
                RETURNING value)
            SELECT value FROM added UNION ALL SELECT value FROM settings WHERE name = @name
            """);
        command.Parameters.AddWithValue("name", SettingName);
        command.Parameters.AddWithValue("value", fingerprint);
        var stored = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (stored is not null && stored != fingerprint)
        {
            throw new PseudonymKeyMismatchException(
                $"The pseudonym key {keyFile} is not the key this database's data were pseudonymised with. " +
                "Every server that shares a database needs the same keys/database.key: copy it from the first server's EVALUATION_HOME.");
        }
    }
}

/// <summary>The local pseudonym key does not match the one the database was filled with.</summary>
public sealed class PseudonymKeyMismatchException(string message) : Exception(message);
