using Evaluation.Data.Storage;
using Evaluation.Domain.Instruments;
using Evaluation.Host.Platform;

namespace Evaluation.Host;

/// <summary>
/// The one scheme of exit codes (README "Exit codes"): 0 done, 1 failed at run time, 2 usage or
/// configuration error, 130 interrupted. Rows put in quarantine are results, not failures.
/// </summary>
public static class ExitCodes
{
    /// <summary>The command did its work (quarantined rows are reported in its output).</summary>
    public const int Done = 0;

    /// <summary>Failed at run time: the database could not be reached, a file could not be read, an unexpected error.</summary>
    public const int Failed = 1;

    /// <summary>The command line or the configuration is wrong: nothing was done; fix it and run again.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code of a command that ended in this exception.</summary>
    public static int For(Exception exception) => exception switch
    {
        OperationCanceledException => Interrupted,

        // Wrong settings, instrument or key files: the user changes configuration, not the data or the machine.
        InstrumentDefinitionException or Evaluation.Ingest.Parsing.ColumnVocabularyException or ServeConfigurationException or PseudonymKeyMismatchException => Usage,
        _ => Failed,
    };

    /// <summary>
    /// One line for a person: the message, with the inner cause when it adds something (e.g.
    /// "Failed to connect to 127.0.0.1:5432 (Connection refused)"), never a stack trace.
    /// </summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        if (exception is OperationCanceledException)
        {
            return "interrupted";
        }

        // The causes, outermost first, each once: "Failed to load configuration from file '…' (Could not parse the JSON file: … LineNumber: 2 …)".
        var causes = new List<string>();
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            var message = inner.Message.TrimEnd('.');
            if (!exception.Message.Contains(message, StringComparison.Ordinal) && !causes.Contains(message))
            {
                causes.Add(message);
            }
        }

        var text = causes.Count == 0 ? exception.Message : $"{exception.Message.TrimEnd('.')} ({string.Join(": ", causes)})";

        return string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
