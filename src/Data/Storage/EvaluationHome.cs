namespace Evaluation.Data.Storage;

/// <summary>
/// The folder that holds the embedded database, keys and outputs (SPEC §9): <c>$EVALUATION_HOME</c>,
/// else <c>~/.evaluation</c>. Two different homes never share data.
/// </summary>
public sealed record EvaluationHome(string Path)
{
    public static EvaluationHome FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable("EVALUATION_HOME");
        var path = string.IsNullOrWhiteSpace(configured)
            ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".evaluation")
            : configured;
        return new EvaluationHome(System.IO.Path.GetFullPath(path));
    }

    public string Keys => System.IO.Path.Combine(Path, "keys");

    public string Database => System.IO.Path.Combine(Path, "postgres");

    public string Reports => System.IO.Path.Combine(Path, "reports");

    public string Exports => System.IO.Path.Combine(Path, "exports");
}
