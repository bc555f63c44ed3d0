using Evaluation.Data.Embedded;

namespace Evaluation.Data.Storage;

/// <summary>
/// Which database to use (SPEC §9): a configured connection string (<c>EVALUATION_DB</c> or
/// configuration) replaces the embedded cluster under <c>$EVALUATION_HOME/postgres</c>.
/// </summary>
public static class DatabaseLocator
{
    public static string ConnectionString(EvaluationHome home, string? configured, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(home);
        var fromEnvironment = Environment.GetEnvironmentVariable("EVALUATION_DB");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return new EmbeddedCluster(home.Database, log: log).Start();
    }
}
