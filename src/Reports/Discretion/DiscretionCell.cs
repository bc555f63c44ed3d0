namespace Evaluation.Reports.Discretion;

/// <summary>What a published cell holds: a count of persons, a statistic, a share, or a count that is never printed but follows from what is.</summary>
public enum CellKind
{
    /// <summary>A count of persons (courses), printed.</summary>
    Count,

    /// <summary>A count of persons that is never printed but that a reader can derive (the numerator of a share).</summary>
    Latent,

    /// <summary>A statistic computed on the persons of one or more counts (a mean, an interval, a p-value).</summary>
    Statistic,

    /// <summary>A share whose numerator and denominator are counts of persons.</summary>
    Share,
}

/// <summary>How a cell is printed (SPEC §7 "Discretion").</summary>
public enum Mark
{
    /// <summary>The value, rounded to the cell's decimals.</summary>
    Shown,

    /// <summary>"&lt;5": a count of 1–4 persons, or a statistic on fewer than 5 persons or with a numerator of 1–4.</summary>
    Small,

    /// <summary>"..": hidden so that another hidden cell cannot be recomputed.</summary>
    Hidden,
}

/// <summary>Why a cell is not shown; the method notes count the cells per rule (SPEC §7 rule 4).</summary>
public enum SuppressionRule
{
    /// <summary>A count of 1–4 persons.</summary>
    SmallCount,

    /// <summary>A statistic computed on fewer than 5 persons.</summary>
    SmallStatistic,

    /// <summary>A share or rate whose numerator is 1–4 persons.</summary>
    SmallNumerator,

    /// <summary>A count hidden so that no hidden cell can be recomputed from totals or shares.</summary>
    Secondary,

    /// <summary>A statistic hidden because its n had to be hidden (an n is never hidden beside a shown statistic).</summary>
    BesideHiddenCount,
}

/// <summary>
/// One cell of the run's published tables, shared by every workbook that prints it, so that the
/// cross-municipality report and a municipality's report show the same thing for the same figure.
/// </summary>
public sealed class DiscretionCell
{
    internal DiscretionCell(int id, string key, CellKind kind, double? value, int decimals)
    {
        Id = id;
        Key = key;
        Kind = kind;
        Value = value;
        Decimals = decimals;
    }

    /// <summary>Position in the engine's list.</summary>
    public int Id { get; }

    /// <summary>A stable name of the figure (table, municipality, group, column).</summary>
    public string Key { get; }

    public CellKind Kind { get; }

    /// <summary>The true value (a share as a fraction); null when it could not be computed.</summary>
    public double? Value { get; }

    /// <summary>Decimals printed; the written number is rounded to them, so the file holds no more than the page shows.</summary>
    public int Decimals { get; }

    public Mark Mark { get; internal set; }

    /// <summary>The rule that hid the cell, when it is hidden.</summary>
    public SuppressionRule? Rule { get; internal set; }

    /// <summary>Never hidden by secondary suppression (the persons per group in the whole evaluation).</summary>
    public bool Protected { get; internal set; }

    /// <summary>For a statistic of whole-number scores: the step between possible scores (a mean pins its n otherwise).</summary>
    public double? Granularity { get; internal set; }

    /// <summary>Printed as a percentage (a survival estimate, say); <see cref="Decimals"/> counts the fraction's decimals.</summary>
    public bool Percent { get; internal set; }

    /// <summary>The value as printed.</summary>
    public double? Rounded => Value is { } v ? Math.Round(v, Decimals, MidpointRounding.AwayFromZero) : null;

    /// <summary>Relative price of hiding this cell secondarily (totals and n's cost more).</summary>
    internal double Cost { get; set; } = 1;

    /// <summary>For statistics and shares: the counts it is computed on (hidden when one is under the threshold or hidden).</summary>
    internal List<DiscretionCell> Counts { get; } = [];

    /// <summary>The counts of persons a statistic or share is computed on.</summary>
    public IReadOnlyList<DiscretionCell> ComputedOn => Counts;

    /// <summary>For shares (and statistics whose numerator is persons): the numerator.</summary>
    internal DiscretionCell? Numerator { get; set; }

    /// <summary>For shares: the denominator.</summary>
    internal DiscretionCell? Denominator { get; set; }

    /// <summary>Statistics and shares computed on this count.</summary>
    internal List<DiscretionCell> Dependents { get; } = [];

    /// <summary>Linear relations this cell takes part in.</summary>
    internal List<int> Relations { get; } = [];

    /// <summary>Shares using this cell as numerator or denominator.</summary>
    internal List<DiscretionCell> Shares { get; } = [];

    public override string ToString() => $"{Key} = {Value} ({Mark})";
}
