using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;

namespace Evaluation.Analytics.Fidelity;

/// <summary>
/// Scores one CTI course against the method manual (SPEC §4). Each component is 0–1, or null when
/// it cannot apply yet. A date counts as set when it is filled in and not after the as-of date; a
/// phase is finished when the next phase has started (phase 3: when the course ended "completed").
/// </summary>
public sealed class CourseFidelityScorer(CourseIndex index, FidelityThresholds thresholds)
{
    private static readonly (Wave Wave, Func<Course, DateOnly?> Anchor)[] DocumentationAnchors =
    [
        (Wave.Baseline, c => c.Phase1Start),
        (Wave.M3, c => c.Phase2Start),
        (Wave.M6, c => c.Phase3Start),
        (Wave.End, c => c.EndDate),
    ];

    private AsOf AsOf => index.AsOf;

    public CourseFidelity Score(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var missing = new List<string>();
        var components = new FidelityComponents(
            Checklists(course, missing),
            PhaseTiming(course),
            Tapering(course),
            PlanGoals(course),
            NeedsAssessment(course),
            Handover(course),
            Documentation(course));
        var scored = components.Values().Where(c => c is not null).Select(c => c!.Value).ToList();
        double? fidelity = scored.Count == 0 ? null : 100 * scored.Average();
        return new CourseFidelity(course.CourseId, course.Municipality, course.WorkerId, fidelity, fidelity is { } f ? thresholds.Band(f) : null, components, missing);
    }

    /// <summary>
    /// Component 1: for each due checklist, the share of its items answered yes among items not na;
    /// a missing checklist scores 0, one with only na items is left out. An item left blank counts
    /// as not done (not yes, not na) and is listed as missing, as a "no" is.
    /// </summary>
    internal double? Checklists(Course course, List<string> missingItems)
    {
        var due = new List<ChecklistKind>();
        if (AsOf.IsSet(course.Phase1Start))
        {
            due.Add(ChecklistKind.Contact);
        }

        if (AsOf.IsSet(course.Phase2Start))
        {
            due.Add(ChecklistKind.Phase2);
        }

        if (AsOf.IsSet(course.Phase3Start))
        {
            due.Add(ChecklistKind.Phase3);
        }

        if (AsOf.IsSet(course.EndDate))
        {
            due.Add(ChecklistKind.Closure);
        }

        var scores = new List<double>();
        foreach (var kind in due)
        {
            var items = ChecklistItems.Of(kind);
            var checklist = index.ChecklistOf(course.CourseId, kind);
            if (checklist is null)
            {
                scores.Add(0);
                missingItems.AddRange(items);
                continue;
            }

            int yes = 0, applicable = 0;
            foreach (var item in items)
            {
                var answer = checklist.Items.TryGetValue(item, out var a) ? a : (ItemAnswer?)null;
                if (answer == ItemAnswer.NotApplicable)
                {
                    continue;
                }

                applicable++;
                if (answer == ItemAnswer.Yes)
                {
                    yes++;
                }
                else
                {
                    missingItems.Add(item);
                }
            }

            if (applicable > 0)
            {
                scores.Add((double)yes / applicable);
            }
        }

        return scores.Count == 0 ? null : scores.Average();
    }

    /// <summary>Component 2: finished phases lasting 60–120 days, plus phase 1 starting no earlier than 31 days before moving in.</summary>
    internal double? PhaseTiming(Course course)
    {
        int checks = 0, passed = 0;
        foreach (var length in FinishedPhases(course).Select(p => p.Length))
        {
            checks++;
            if (length >= thresholds.PhaseMinDays && length <= thresholds.PhaseMaxDays)
            {
                passed++;
            }
        }

        if (AsOf.Known(course.Phase1Start) is { } phase1 && AsOf.Known(course.MoveInDate) is { } moveIn)
        {
            checks++;
            if (phase1 >= moveIn.AddDays(-thresholds.Phase1EarliestDaysBeforeMoveIn))
            {
                passed++;
            }
        }

        return checks == 0 ? null : (double)passed / checks;
    }

    /// <summary>
    /// Component 3: contacts per 30 days in each finished phase (from its first day up to the day
    /// before the next phase starts; phase 3: before the end date); the share of the pairs
    /// r1 &gt; r2 and r2 &gt; r3 that hold, among pairs whose phases both finished.
    /// </summary>
    internal double? Tapering(Course course)
    {
        var rates = new Dictionary<int, double>();
        var contacts = index.ContactsOf(course.CourseId);
        foreach (var (number, start, next, length) in FinishedPhases(course))
        {
            if (length <= 0)
            {
                continue; // a phase of no days has no rate
            }

            int count = contacts.Count(c => c.Date >= start && c.Date < next);
            rates[number] = count * 30.0 / length;
        }

        int pairs = 0, holding = 0;
        foreach (var (earlier, later) in new[] { (1, 2), (2, 3) })
        {
            if (rates.TryGetValue(earlier, out var a) && rates.TryGetValue(later, out var b))
            {
                pairs++;
                if (a > b)
                {
                    holding++;
                }
            }
        }

        return pairs == 0 ? null : (double)holding / pairs;
    }

    /// <summary>Component 4: the latest plan by the as-of date has 2 or 3 goals (due from phase 2).</summary>
    internal double? PlanGoals(Course course)
    {
        if (!AsOf.IsSet(course.Phase2Start))
        {
            return null;
        }

        var plan = LatestPlan(course);
        return plan?.Goals is 2 or 3 ? 1 : 0;
    }

    /// <summary>Component 5: the share of the seven needs-assessment domains marked yes in the latest plan (due from phase 2).</summary>
    internal double? NeedsAssessment(Course course)
    {
        if (!AsOf.IsSet(course.Phase2Start))
        {
            return null;
        }

        var plan = LatestPlan(course);
        return plan is null ? 0 : plan.Needs.Count(n => n == true) / (double)Plan.Domains.Count;
    }

    /// <summary>Component 6: a handover meeting at least 30 days before the end (due when the course ended "completed").</summary>
    internal double? Handover(Course course)
    {
        if (!CompletedByAsOf(course, out var end))
        {
            return null;
        }

        var latest = end.AddDays(-thresholds.HandoverDaysBeforeEnd);
        return index.ContactsOf(course.CourseId).Any(c => c.Kind == ContactKind.HandoverMeeting && c.Date <= latest) ? 1 : 0;
    }

    /// <summary>
    /// Component 7: the share of due waves answered within ±30 days of their anchor date (baseline:
    /// phase 1, m3: phase 2, m6: phase 3, end: end date); a wave is due once its anchor lies at
    /// least 30 days before the as-of date.
    /// </summary>
    internal double? Documentation(Course course)
    {
        int due = 0, documented = 0;
        var answers = index.AnswersOf(course.CourseId);
        foreach (var (wave, anchorOf) in DocumentationAnchors)
        {
            if (AsOf.Known(anchorOf(course)) is not { } anchor || anchor.AddDays(thresholds.DocumentationDueAfterDays) > AsOf.Date)
            {
                continue;
            }

            due++;
            var answered = answers.FirstOrDefault(a => a.Wave == wave)?.AnsweredDate;
            if (answered is { } day && Math.Abs(day.DayNumber - anchor.DayNumber) <= thresholds.DocumentationWindowDays)
            {
                documented++;
            }
        }

        return due == 0 ? null : (double)documented / due;
    }

    /// <summary>Finished phases with their number, first day, the next phase's first day, and length in days.</summary>
    internal IEnumerable<(int Number, DateOnly Start, DateOnly Next, int Length)> FinishedPhases(Course course)
    {
        var p1 = AsOf.Known(course.Phase1Start);
        var p2 = AsOf.Known(course.Phase2Start);
        var p3 = AsOf.Known(course.Phase3Start);
        if (p1 is { } a && p2 is { } b)
        {
            yield return (1, a, b, b.DayNumber - a.DayNumber);
        }

        if (p2 is { } c && p3 is { } d)
        {
            yield return (2, c, d, d.DayNumber - c.DayNumber);
        }

        if (p3 is { } e && CompletedByAsOf(course, out var end))
        {
            yield return (3, e, end, end.DayNumber - e.DayNumber);
        }
    }

    private bool CompletedByAsOf(Course course, out DateOnly end)
    {
        end = AsOf.Known(course.EndDate) ?? default;
        return AsOf.IsSet(course.EndDate) && course.EndReason == EndReason.Completed;
    }

    private Plan? LatestPlan(Course course) => index.PlansOf(course.CourseId).LastOrDefault();
}
