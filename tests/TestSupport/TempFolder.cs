namespace Evaluation.TestSupport;

/// <summary>A folder under /tmp that is deleted when the test ends.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evaluation-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a file (creating its folder) and returns its path.</summary>
    public string Write(string relativePath, string content, System.Text.Encoding? encoding = null)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, encoding ?? new System.Text.UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a server under test; /tmp is cleaned anyway
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
