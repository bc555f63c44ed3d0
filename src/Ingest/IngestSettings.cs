using Evaluation.Ingest.Parsing;

namespace Evaluation.Ingest;

/// <summary>What reading needs from configuration, checked once: the vocabulary (shipped default plus extension) and the limits.</summary>
public sealed class IngestSettings
{
    private IngestSettings(IngestOptions options, ColumnVocabulary vocabulary)
    {
        Options = options;
        Vocabulary = vocabulary;
    }

    /// <summary>The shipped vocabulary and the default limits.</summary>
    public static IngestSettings Default { get; } = new(new IngestOptions(), ColumnVocabulary.Default);

    public IngestOptions Options { get; }

    public ColumnVocabulary Vocabulary { get; }

    /// <summary>Settings from configuration; a vocabulary file that cannot be used, or a limit that makes no sense, is a configuration error.</summary>
    public static IngestSettings From(IngestOptions? options)
    {
        options ??= new IngestOptions();
        if (options.MaxWorkbookBytes <= 0 || options.MaxCellLength <= 0 || options.MaxLineLength <= 0 || options.MaxColumns <= 0)
        {
            throw new ColumnVocabularyException("The Ingest limits (MaxWorkbookBytes, MaxCellLength, MaxLineLength, MaxColumns) must be above 0.");
        }

        if (options.EarliestDate >= options.LatestDate)
        {
            throw new ColumnVocabularyException("Ingest:EarliestDate must be before Ingest:LatestDate.");
        }

        return new IngestSettings(options, ColumnVocabulary.Extend(ColumnVocabulary.Default, options.VocabularyFile, options.IgnoredColumns));
    }
}
