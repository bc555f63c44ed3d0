using System.Globalization;

namespace Evaluation.Export;

/// <summary>
/// A quasi-identifier's generalisation hierarchy (SPEC §8): level 0 is the value as exported before
/// disclosure control, each higher level coarser, the last of age and municipality the empty value
/// (the whole column suppressed). A level's height is its index here, whether or not a level below it
/// was skipped for merging nothing. Missing values stay missing (null) at every level.
/// </summary>
public sealed class Hierarchy
{
    private readonly Func<string, int, string?> generalise;

    private Hierarchy(string column, IReadOnlyList<string> levels, Func<string, int, string?> generalise)
    {
        Column = column;
        Levels = levels;
        this.generalise = generalise;
    }

    /// <summary>Age band: 5 → 10 → 20 years → suppressed (values "30-34", "30-39", "20-39", empty).</summary>
    public static Hierarchy Age { get; } = new("age_band", ["5-year bands", "10-year bands", "20-year bands", "suppressed"], (band, level) =>
    {
        int low = int.Parse(band.AsSpan(0, band.IndexOf('-', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        return level switch
        {
            0 => band,
            1 => ResearchDataset.AgeBand(low, 10),
            2 => ResearchDataset.AgeBand(low, 20),
            _ => null,
        };
    });

    /// <summary>Municipality → region (<see cref="DanishRegions"/>) → suppressed.</summary>
    public static Hierarchy Municipality { get; } = new("municipality", ["municipality", "region", "suppressed"], (municipality, level) => level switch
    {
        0 => municipality,
        1 => DanishRegions.RegionOf(municipality),
        _ => null,
    });

    /// <summary>Children living with her: exact → 0/1/2+ → 0/1+.</summary>
    public static Hierarchy Children { get; } = new("children", ["exact", "0/1/2+", "0/1+"], (children, level) =>
    {
        int n = int.Parse(children, CultureInfo.InvariantCulture);
        return level switch
        {
            0 => children,
            1 => n >= 2 ? "2+" : children,
            _ => n >= 1 ? "1+" : children,
        };
    });

    /// <summary>Group (CTI/KR): kept as it is, the comparison every analysis needs.</summary>
    public static Hierarchy Group { get; } = new("group", ["kept"], (group, _) => group);

    /// <summary>The four quasi-identifiers of SPEC §8, in the order the disclosure report lists them.</summary>
    public static IReadOnlyList<Hierarchy> QuasiIdentifiers { get; } = [Age, Municipality, Children, Group];

    /// <summary>The column of the course file this hierarchy generalises.</summary>
    public string Column { get; }

    /// <summary>The names of the levels, level 0 first.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>The value at <paramref name="level"/>; null stays null (missing).</summary>
    public string? Generalise(string? value, int level) => value is null ? null : generalise(value, level);
}
