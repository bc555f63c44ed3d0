using Evaluation.Analytics.Statistics;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;

namespace Evaluation.Analytics.Outcomes;

/// <summary>
/// Housing retention from moving-in day (SPEC §5). The index tenancy starts within ±14 days of
/// moving in (the closest; on a tie the earlier). Housing is lost at the end of a tenancy ended for
/// a loss reason (eviction, abandoned, returned to shelter, moved to perpetrator), or at the end of
/// any other tenancy not followed by the next within 14 days. Follow-up is censored at the as-of
/// date, at death or emigration, and at the end of a tenancy whose 14-day window reaches past the
/// as-of date with no next tenancy known yet (whether she moved on in time is not yet known).
/// </summary>
public sealed class HousingFollowUp
{
    private static readonly HashSet<TenancyEndReason> LossReasons =
        [TenancyEndReason.Eviction, TenancyEndReason.Abandoned, TenancyEndReason.ReturnedToShelter, TenancyEndReason.MovedToPerpetrator];

    private readonly List<(Course Course, double Time, bool Event)> observations = [];

    public HousingFollowUp(CourseIndex index, OutcomeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var course in index.Courses)
        {
            var outcome = Follow(course, index.TenanciesOf(course.PersonKey), index.AsOf, settings.TenancyWindowDays);
            switch (outcome)
            {
                case null when index.AsOf.Known(course.MoveInDate) is null:
                    NoMoveInDate++;
                    break;
                case null:
                    NoIndexTenancy++;
                    break;
                default:
                    observations.Add((course, outcome.Value.Days, outcome.Value.Event));
                    break;
            }
        }
    }

    public int NoMoveInDate { get; }

    public int NoIndexTenancy { get; }

    /// <summary>Every course followed, with its time and whether housing was lost (for the adjusted curves).</summary>
    public IReadOnlyList<(Course Course, double Time, bool Event)> Observations => observations;

    /// <summary>Days from moving in to losing the home (event) or to censoring; null without move-in date or index tenancy.</summary>
    public static (int Days, bool Event)? Follow(Course course, IReadOnlyList<Tenancy> tenancies, AsOf asOf, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(tenancies);
        if (asOf.Known(course.MoveInDate) is not { } moveIn)
        {
            return null;
        }

        var current = tenancies
            .Where(t => Math.Abs(t.StartDate.DayNumber - moveIn.DayNumber) <= windowDays)
            .OrderBy(t => Math.Abs(t.StartDate.DayNumber - moveIn.DayNumber))
            .ThenBy(t => t.StartDate)
            .FirstOrDefault();
        if (current is null)
        {
            return null;
        }

        (int, bool) At(DateOnly day, bool lost) => (Math.Max(0, day.DayNumber - moveIn.DayNumber), lost);
        while (true)
        {
            if (asOf.Known(current.EndDate) is not { } end)
            {
                return At(asOf.Date, false);
            }

            if (current.EndReason is { } reason && LossReasons.Contains(reason))
            {
                return At(end, true);
            }

            if (current.EndReason is TenancyEndReason.Died or TenancyEndReason.Emigrated)
            {
                return At(end, false);
            }

            var next = tenancies
                .Where(t => t.StartDate > current.StartDate && t.StartDate <= end.AddDays(windowDays))
                .OrderBy(t => t.StartDate)
                .FirstOrDefault();
            if (next is not null)
            {
                current = next;
                continue;
            }

            return end.AddDays(windowDays) > asOf.Date ? At(end, false) : At(end, true);
        }
    }

    public HousingRetentionRow Row(string municipality, Group group)
    {
        var km = new KaplanMeier(observations.Where(o => OutcomesCalculator.InScope(o.Course, municipality, group)).Select(o => (o.Time, o.Event)).ToList());
        var s365 = km.At(365);
        return new HousingRetentionRow(municipality, Codes.Of(group), km.N, km.Events, km.At(180)?.Survival, s365?.Survival, s365?.Lower, s365?.Upper);
    }

    /// <summary>The Kaplan–Meier curve for the report's chart.</summary>
    public KaplanMeier Curve(string municipality, Group group) =>
        new(observations.Where(o => OutcomesCalculator.InScope(o.Course, municipality, group)).Select(o => (o.Time, o.Event)).ToList());
}
