namespace Evaluation.Export;

/// <summary>The level chosen for one quasi-identifier: its height in the hierarchy and its name.</summary>
public sealed record ChosenLevel(string Column, int Height, string Name);

/// <summary>A hierarchy level that was not a step because it merges nothing: the observed values fall into as many classes as at the level below.</summary>
public sealed record SkippedLevel(string Column, int Height, string Name, int DistinctValues);

/// <summary>What disclosure control did (SPEC §8), for the disclosure report and the export log.</summary>
/// <param name="K">The k required.</param>
/// <param name="MaxSuppressedShare">The largest share of rows that may be locally suppressed (0.05).</param>
/// <param name="AchievedK">The smallest equivalence class in the written course file (locally suppressed values counted as a value of their own).</param>
/// <param name="Classes">The number of equivalence classes in the written course file.</param>
/// <param name="Levels">The level chosen per quasi-identifier.</param>
/// <param name="SkippedLevels">Levels never taken because they merge nothing in these data.</param>
/// <param name="Loss">The chosen node's total generalisation: the sum of the chosen levels' heights.</param>
/// <param name="RowsSuppressed">Rows whose age band, municipality and children were emptied (local suppression).</param>
/// <param name="CellsSuppressed">Per quasi-identifier, the values emptied by local suppression (a value already missing is not counted).</param>
/// <param name="RowsDropped">Rows left out; only when no combination of levels reaches k within the limit and even the coarsest leaves classes below k.</param>
/// <param name="Rows">The rows written.</param>
/// <param name="NodesTried">The combinations of levels tried.</param>
/// <param name="NodesReachingK">Of those, the ones that reach k within the suppression limit.</param>
/// <param name="WithinSuppressionLimit">False when no combination reached k within the limit and the coarsest one was used with as much suppression as it needed.</param>
/// <param name="UnknownMunicipalities">Municipality names not among Denmark's 98, which the region level maps to <see cref="DanishRegions.Unknown"/>.</param>
public sealed record DisclosureResult(
    int K,
    double MaxSuppressedShare,
    int AchievedK,
    int Classes,
    IReadOnlyList<ChosenLevel> Levels,
    IReadOnlyList<SkippedLevel> SkippedLevels,
    int Loss,
    int RowsSuppressed,
    IReadOnlyDictionary<string, int> CellsSuppressed,
    int RowsDropped,
    int Rows,
    int NodesTried,
    int NodesReachingK,
    bool WithinSuppressionLimit,
    IReadOnlyList<string> UnknownMunicipalities);
