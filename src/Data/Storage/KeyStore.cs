using System.Security.Cryptography;

namespace Evaluation.Data.Storage;

/// <summary>
/// Secret keys for pseudonyms, one file per purpose under <c>$EVALUATION_HOME/keys/</c>, created on
/// first use with owner-only permissions and reused afterwards (SPEC §2, §8). Keys never leave this folder.
/// </summary>
public sealed class KeyStore(EvaluationHome home)
{
    /// <summary>The key that pseudonymises CPR numbers in the database.</summary>
    public const string DatabaseKey = "database";

    /// <summary>Where the key of that name is kept.</summary>
    public string PathOf(string name) => Path.Combine(home.Keys, name + ".key");

    public byte[] GetOrCreate(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' cannot name a key file.", nameof(name));
        }

        Directory.CreateDirectory(home.Keys);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(home.Keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = PathOf(name);
        if (File.Exists(path))
        {
            return Read(path);
        }

        // Write to a temporary file and move it in place without overwriting, so that two
        // processes creating the key at once end up with one key.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Select(c => (byte)c).ToArray());
        }

        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }

        return Read(path);
    }

    private static byte[] Read(string path) => Convert.FromBase64String(File.ReadAllText(path).Trim());
}
