namespace Evaluation.Host;

/// <summary>The source repository the CLI runs from, if any (for the committed sample data and the R benchmark script).</summary>
public static class Repository
{
    /// <summary>The folder holding Evaluation.sln, looked for from the working directory upwards; null outside a checkout.</summary>
    public static string? Root()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Evaluation.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
