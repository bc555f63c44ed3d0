namespace Evaluation.Reports.Discretion;

/// <summary>A published linear relation between cells: the total equals the sum of its parts (a row total, ALL over the municipalities).</summary>
public sealed record Relation(DiscretionCell Total, IReadOnlyList<DiscretionCell> Parts)
{
    /// <summary>Every cell of the relation, total first.</summary>
    public IEnumerable<DiscretionCell> Cells => Parts.Prepend(Total);
}

/// <summary>What a reader sees of a cell: its mark (null when it is printed nowhere, or empty) and the printed value when shown.</summary>
public readonly record struct Seen(Mark? Mark, double? Value)
{
    public static Seen Nothing => new(null, null);
}
