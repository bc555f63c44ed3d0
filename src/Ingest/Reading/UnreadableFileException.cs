namespace Evaluation.Ingest.Reading;

/// <summary>
/// A file that cannot be read as a table at all (a damaged or disguised workbook, an unclosed quote,
/// a limit exceeded). Its reason is written for a municipal clerk; the run goes on with the other files.
/// </summary>
public sealed class UnreadableFileException : Exception
{
    public UnreadableFileException()
    {
    }

    public UnreadableFileException(string message)
        : base(message)
    {
    }

    public UnreadableFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
