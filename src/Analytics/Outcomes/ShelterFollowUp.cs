using Evaluation.Analytics.Statistics;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;

namespace Evaluation.Analytics.Outcomes;

/// <summary>
/// Repeat shelter stays after the shelter exit (SPEC §5). The index stay is the one that ended on
/// the course's shelter exit date; a stay that starts at most one day after the previous one ends
/// is the same stay (a transfer between shelters). The event is the first later stay, timed from
/// the shelter exit date; follow-up is censored at the as-of date (also while a transfer stay is
/// still open).
/// </summary>
public sealed class ShelterFollowUp
{
    private readonly List<(Course Course, double Time, bool Event, DateOnly Exit)> observations = [];
    private readonly AsOf asOf;

    public ShelterFollowUp(CourseIndex index, OutcomeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(settings);
        asOf = index.AsOf;
        foreach (var course in index.Courses)
        {
            if (asOf.Known(course.ShelterExitDate) is not { } exit)
            {
                NoExitDate++;
                continue;
            }

            var outcome = Follow(exit, index.StaysOf(course.PersonKey), asOf, settings.SameStayGapDays);
            if (outcome is null)
            {
                NoIndexStay++;
                continue;
            }

            observations.Add((course, outcome.Value.Days, outcome.Value.Event, exit));
        }
    }

    public int NoExitDate { get; }

    public int NoIndexStay { get; }

    /// <summary>Every course followed, with its time and whether she returned to a shelter (for the adjusted curves).</summary>
    public IReadOnlyList<(Course Course, double Time, bool Event)> Observations => observations.Select(o => (o.Course, o.Time, o.Event)).ToList();

    /// <summary>Days from the shelter exit to the first later stay (event) or to the as-of date; null without an index stay.</summary>
    public static (int Days, bool Event)? Follow(DateOnly exit, IReadOnlyList<ShelterStay> stays, AsOf asOf, int sameStayGapDays)
    {
        ArgumentNullException.ThrowIfNull(stays);
        var index = stays.FirstOrDefault(s => s.ExitDate == exit);
        if (index is null)
        {
            return null;
        }

        DateOnly? episodeEnd = exit;
        foreach (var stay in stays.Where(s => !ReferenceEquals(s, index) && s.EntryDate >= index.EntryDate).OrderBy(s => s.EntryDate))
        {
            if (episodeEnd is null)
            {
                break; // a transfer stay still open: she has not left the shelter yet
            }

            if (stay.EntryDate <= episodeEnd.Value.AddDays(sameStayGapDays))
            {
                var stayEnd = asOf.Known(stay.ExitDate);
                episodeEnd = stayEnd is null ? null : (stayEnd > episodeEnd ? stayEnd : episodeEnd);
                continue;
            }

            return (stay.EntryDate.DayNumber - exit.DayNumber, true);
        }

        return (asOf.Date.DayNumber - exit.DayNumber, false);
    }

    public RepeatShelterRow Row(string municipality, Group group)
    {
        var selected = observations.Where(o => OutcomesCalculator.InScope(o.Course, municipality, group)).ToList();
        var km = new KaplanMeier(selected.Select(o => (o.Time, o.Event)).ToList());
        var s365 = km.At(365);
        var followed = selected.Where(o => o.Exit.AddDays(365) <= asOf.Date).ToList();
        return new RepeatShelterRow(
            municipality,
            Codes.Of(group),
            km.N,
            km.Events,
            s365 is null ? null : 1 - s365.Survival,
            s365?.Upper is { } upper ? 1 - upper : null,
            s365?.Lower is { } lower ? 1 - lower : null,
            followed.Count,
            followed.Count(o => o.Event && o.Time <= 365));
    }

    /// <summary>The Kaplan–Meier curve for the report's chart.</summary>
    public KaplanMeier Curve(string municipality, Group group) =>
        new(observations.Where(o => OutcomesCalculator.InScope(o.Course, municipality, group)).Select(o => (o.Time, o.Event)).ToList());
}
