using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;

namespace Evaluation.Analytics.Fidelity;

/// <summary>
/// Fidelity for all CTI courses and its roll-ups (SPEC §4): course scores, worker and municipality
/// means over courses that have a score, caseload per worker-month beside it, and the phase board.
/// </summary>
public sealed class FidelityCalculator(FidelityThresholds thresholds)
{
    public FidelityReport Calculate(Dataset data, DateOnly asOf)
    {
        var index = new CourseIndex(data, new AsOf(asOf));
        var scorer = new CourseFidelityScorer(index, thresholds);
        var ctiCourses = index.Courses.Where(c => c.Group == Group.Cti).ToList();
        var courses = ctiCourses.Select(scorer.Score).ToList();
        var caseload = Caseload(index);
        return new FidelityReport(
            index.AsOf.ToString(),
            courses,
            Workers(courses, data.Staff, caseload),
            Municipalities(courses),
            PhaseBoard(index));
    }

    /// <summary>
    /// Caseload per worker and calendar month whose 15th lies within the worker's employment and
    /// not after the as-of date: CTI courses active on the 15th (contact start ≤ day ≤ end date, or
    /// no end date yet) divided by the worker's FTE.
    /// </summary>
    public IReadOnlyList<CaseloadMonth> Caseload(CourseIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var byWorker = index.Courses
            .Where(c => c.Group == Group.Cti && c.WorkerId is not null)
            .GroupBy(c => c.WorkerId!)
            .ToDictionary(g => g.Key, g => g.ToList());
        var months = new List<CaseloadMonth>();
        foreach (var worker in index.Data.Staff.OrderBy(s => s.WorkerId, StringComparer.Ordinal))
        {
            var courses = byWorker.GetValueOrDefault(worker.WorkerId) ?? [];
            if (courses.Count == 0)
            {
                continue; // a worker without CTI courses has no CTI caseload to report
            }

            // Without a start date, employment is taken to begin with the worker's first course.
            var from = worker.StartDate ?? courses.Min(c => c.ContactStart!.Value);
            var until = index.AsOf.Known(worker.EndDate) is { } end && end < index.AsOf.Date ? end : index.AsOf.Date;
            for (var month = new DateOnly(from.Year, from.Month, 15); month <= until; month = month.AddMonths(1))
            {
                if (month < from)
                {
                    continue;
                }

                int active = courses.Count(c => c.ContactStart <= month && !(index.AsOf.Known(c.EndDate) < month));
                months.Add(new CaseloadMonth(worker.WorkerId, new DateOnly(month.Year, month.Month, 1), active, worker.Fte, active / worker.Fte));
            }
        }

        return months;
    }

    private List<WorkerFidelity> Workers(List<CourseFidelity> scores, IReadOnlyList<StaffMember> staff, IReadOnlyList<CaseloadMonth> caseload)
    {
        var staffById = staff.ToDictionary(s => s.WorkerId, StringComparer.Ordinal);
        var months = caseload.GroupBy(m => m.WorkerId).ToDictionary(g => g.Key, g => g.ToList());
        var workers = new List<WorkerFidelity>();
        foreach (var group in scores.Where(s => s.WorkerId is not null).GroupBy(s => s.WorkerId!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var scored = group.Where(s => s.Fidelity is not null).ToList();
            var municipality = staffById.TryGetValue(group.Key, out var member)
                ? member.Municipality
                : group.GroupBy(s => s.Municipality).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            var own = months.GetValueOrDefault(group.Key);
            workers.Add(new WorkerFidelity(
                group.Key,
                municipality,
                scored.Count == 0 ? null : scored.Average(s => s.Fidelity!.Value),
                scored.Count,
                own is null || own.Count == 0 ? null : own.Count(m => m.Caseload <= thresholds.CaseloadLimit) / (double)own.Count,
                own is null || own.Count == 0 ? null : own.Max(m => m.Caseload)));
        }

        return workers;
    }

    private static List<MunicipalityFidelity> Municipalities(List<CourseFidelity> scores) =>
        scores.GroupBy(s => s.Municipality)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var scored = g.Where(s => s.Fidelity is not null).ToList();
                return new MunicipalityFidelity(
                    g.Key,
                    scored.Count == 0 ? null : scored.Average(s => s.Fidelity!.Value),
                    scored.Count,
                    scored.Count(s => s.Band == "high"),
                    scored.Count(s => s.Band == "moderate"),
                    scored.Count(s => s.Band == "low"));
            })
            .ToList();

    /// <summary>
    /// Every active CTI course (started, no end date set) with its current phase and days in it;
    /// overdue when a phase has lasted more than 120 days, or the contact period runs more than
    /// 60 days past the shelter exit.
    /// </summary>
    private List<PhaseBoardEntry> PhaseBoard(CourseIndex index)
    {
        var asOf = index.AsOf;
        var board = new List<PhaseBoardEntry>();
        foreach (var c in index.Courses.Where(c => c.Group == Group.Cti && !asOf.IsSet(c.EndDate)))
        {
            var (phase, start) = asOf.Known(c.Phase3Start) is { } p3 ? ("phase3", p3)
                : asOf.Known(c.Phase2Start) is { } p2 ? ("phase2", p2)
                : asOf.Known(c.Phase1Start) is { } p1 ? ("phase1", p1)
                : ("contact", c.ContactStart!.Value);
            int days = asOf.Date.DayNumber - start.DayNumber;
            bool overdue = phase == "contact"
                ? asOf.Known(c.ShelterExitDate) is { } exit && asOf.Date.DayNumber - exit.DayNumber > thresholds.ContactPeriodOverdueDays
                : days > thresholds.PhaseOverdueDays;
            board.Add(new PhaseBoardEntry(c.CourseId, c.WorkerId, phase, days, overdue));
        }

        return board;
    }
}
