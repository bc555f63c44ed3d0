namespace Evaluation.Ingest.Parsing;

/// <summary>
/// A column vocabulary file, ignored-column list or ingest limit that cannot be used (SPEC §2: the
/// vocabulary is configuration): a configuration error naming the file or key, the value and what is expected.
/// </summary>
public sealed class ColumnVocabularyException : Exception
{
    public ColumnVocabularyException(string message)
        : base(message)
    {
    }

    public ColumnVocabularyException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
