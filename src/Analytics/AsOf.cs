namespace Evaluation.Analytics;

/// <summary>
/// The as-of rule of SPEC §4–§5: anything dated after the as-of date is not yet known, and a date
/// after it counts as not set.
/// </summary>
public readonly record struct AsOf(DateOnly Date)
{
    /// <summary>The date if it is filled in and not after the as-of date, else null.</summary>
    public DateOnly? Known(DateOnly? date) => date <= Date ? date : null;

    public bool IsSet(DateOnly? date) => date <= Date;

    public override string ToString() => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
