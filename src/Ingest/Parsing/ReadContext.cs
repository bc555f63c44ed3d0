using Evaluation.Domain.Instruments;
using Evaluation.Domain.People;

namespace Evaluation.Ingest.Parsing;

/// <summary>What reading one file needs to know beyond the file itself.</summary>
public sealed class ReadContext(string municipalityFolder, Pseudonymizer pseudonymizer, InstrumentSet instruments, Func<string, bool> courseExists, IngestSettings? settings = null)
{
    /// <summary>The inbox sub-folder the file came from; the municipality when a row does not name one.</summary>
    public string MunicipalityFolder { get; } = municipalityFolder;

    public Pseudonymizer Pseudonymizer { get; } = pseudonymizer;

    public InstrumentSet Instruments { get; } = instruments;

    public Func<string, bool> CourseExists { get; } = courseExists;

    /// <summary>The column vocabulary and the limits.</summary>
    public IngestSettings Settings { get; } = settings ?? IngestSettings.Default;
}
