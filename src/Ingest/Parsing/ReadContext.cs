using Evaluation.Domain.Instruments;
using Evaluation.Domain.People;
using Evaluation.Domain.Places;

namespace Evaluation.Ingest.Parsing;

/// <summary>What reading one file needs to know beyond the file itself.</summary>
public sealed class ReadContext(string municipalityFolder, Pseudonymizer pseudonymizer, InstrumentSet instruments, Func<string, bool> courseExists, IngestSettings? settings = null)
{
    private readonly (string? Municipality, string? Problem) folder = JudgeFolder(municipalityFolder);

    /// <summary>The inbox sub-folder the file came from ("" for a file directly in the folder given).</summary>
    public string MunicipalityFolder { get; } = municipalityFolder;

    /// <summary>
    /// The folder's name as the municipality of a row that names none, written as Denmark's list
    /// writes it (<see cref="DanishMunicipalities"/>); null when the folder cannot stand for a
    /// municipality, for the reason in <see cref="FolderProblem"/>. Judged once per file.
    /// </summary>
    public string? FolderMunicipality => folder.Municipality;

    /// <summary>Why the folder cannot stand for a municipality, or null.</summary>
    public string? FolderProblem => folder.Problem;

    public Pseudonymizer Pseudonymizer { get; } = pseudonymizer;

    public InstrumentSet Instruments { get; } = instruments;

    public Func<string, bool> CourseExists { get; } = courseExists;

    /// <summary>The column vocabulary and the limits.</summary>
    public IngestSettings Settings { get; } = settings ?? IngestSettings.Default;

    // A file outside any municipality folder has none to fall back on, and a folder named ALL or
    // like a CPR number is never stored as a municipality.
    private static (string? Municipality, string? Problem) JudgeFolder(string folder) =>
        folder.Length == 0 ? (null, "the row names no municipality and the file is not in a municipality folder (<inbox>/<municipality>/<file>)")
        : folder.Equals(DanishMunicipalities.All, StringComparison.OrdinalIgnoreCase) ? (null, $"the row names no municipality and its folder is called {DanishMunicipalities.All}, which is what the results call all municipalities together")
        : RowAccess.HoldsCprNumber(folder) ? (null, "the row names no municipality and the name of its municipality folder looks like a CPR number")
        : (DanishMunicipalities.OfficialName(folder) ?? folder, null);
}
