using Evaluation.Analytics.Outcomes;
using Evaluation.Reports.Workbooks;

namespace Evaluation.Reports.Publication;

/// <summary>
/// The internal management workbook (SPEC §7): fidelity per worker and per course with the missing
/// checklist items (code and text), the phase board with overdue courses highlighted, and caseload
/// per worker-month. No outcome measurements; not disclosure-controlled; marked internal on every
/// sheet and printed page.
/// </summary>
internal sealed class ManagementReport(ReportInput input, Labels labels)
{
    private const string HighColor = "#C6EFCE";
    private const string ModerateColor = "#FFEB9C";
    private const string LowColor = "#FFC7CE";
    private static readonly string[] Components = ["checklists", "phase_timing", "tapering", "plan", "needs_assessment", "handover", "documentation"];

    public WorkbookModel Build(string scope, string stem)
    {
        bool all = scope == OutcomesCalculator.All;
        bool InScope(string? m) => all || m == scope;
        var name = all ? labels["all"] : scope;
        var t = input.Method.Thresholds;
        string? Band(int column, object? value, int fidelityColumn) =>
            column == fidelityColumn && value is Plain { Value: var f } ? f >= t.HighBand ? HighColor : f >= t.ModerateBand ? ModerateColor : LowColor : null;

        var workers = input.Fidelity.Workers.Where(w => InScope(w.Municipality)).OrderBy(w => w.Municipality, StringComparer.Ordinal).ThenBy(w => w.WorkerId, StringComparer.Ordinal).ToList();
        string[] workerHeader = [labels["col.municipality"], labels["col.worker"], labels["col.fidelity"], labels["col.courses_scored"], labels["col.caseload_score"], labels["col.max_caseload"]];
        var workerRows = workers.Select(w => new object?[]
        {
            w.Municipality, w.WorkerId, Number(w.Fidelity, "0.0"), w.Courses, Number(w.CaseloadScore, "0%"), Number(w.MaxCaseload, "0.0"),
        }).ToList();

        // Across municipalities a row per municipality, not per course: a country's courses would be a
        // sheet of 100,000 rows that no manager reads and that ClosedXML holds in memory whole.
        string[] municipalityHeader = [labels["col.municipality"], labels["col.fidelity"], labels["col.courses_scored"], labels["band.high"], labels["band.moderate"], labels["band.low"]];
        var municipalityRows = all
            ? input.Fidelity.Municipalities.OrderBy(m => m.Municipality, StringComparer.Ordinal)
                .Select(m => new object?[] { m.Municipality, Number(m.Fidelity, "0.0"), m.Courses, m.High, m.Moderate, m.Low }).ToList()
            : [];
        var courses = input.Fidelity.Courses.Where(c => !all && InScope(c.Municipality)).OrderBy(c => c.Municipality, StringComparer.Ordinal).ThenBy(c => c.WorkerId, StringComparer.Ordinal).ThenBy(c => c.CourseId, StringComparer.Ordinal).ToList();
        string[] courseHeader =
        [
            labels["col.course"], labels["col.municipality"], labels["col.worker"], labels["col.fidelity"], labels["col.band"],
            .. Components.Select(c => labels["component." + c]), labels["col.missing_items"],
        ];
        var courseRows = courses.Select(c => TableRow.Of(
            c.CourseId, c.Municipality, c.WorkerId, Number(c.Fidelity, "0.0"), c.Band is null ? null : labels["band." + c.Band],
            c.Components.Values().Select(v => Number(v, "0%")).ToArray(),
            string.Join("; ", c.MissingItems.Select(i => $"{i} {labels.TryGet("item." + i) ?? ""}".Trim())))).ToList();

        var municipalityOf = input.Fidelity.Courses.ToDictionary(c => c.CourseId, c => c.Municipality, StringComparer.Ordinal);
        // Across municipalities only the overdue courses: the whole board of a country is every municipality's own workbook.
        var board = input.Fidelity.PhaseBoard.Where(p => InScope(municipalityOf.GetValueOrDefault(p.CourseId)) && (!all || p.Overdue)).OrderByDescending(p => p.Overdue).ThenByDescending(p => p.DaysInPhase).ToList();
        string[] boardHeader = [labels["col.course"], labels["col.municipality"], labels["col.worker"], labels["col.phase"], labels["col.days_in_phase"], labels["col.overdue"]];
        var yes = labels["yes"];
        var boardRows = board.Select(p => new object?[]
        {
            p.CourseId, municipalityOf.GetValueOrDefault(p.CourseId), p.WorkerId, labels["phase." + p.Phase], p.DaysInPhase, p.Overdue ? yes : labels["no"],
        }).ToList();

        var workerIds = workers.Select(w => w.WorkerId).ToHashSet(StringComparer.Ordinal);
        var months = input.Caseload.Where(m => !all && workerIds.Contains(m.WorkerId)).OrderBy(m => m.WorkerId, StringComparer.Ordinal).ThenBy(m => m.Month).ToList();
        string[] caseloadHeader = [labels["col.worker"], labels["col.month"], labels["col.active_courses"], labels["col.fte"], labels["col.caseload"]];
        var caseloadRows = months.Select(m => new object?[] { m.WorkerId, m.Month.ToString("yyyy-MM", labels.Culture), m.ActiveCourses, new Plain(m.Fte, "0.00"), new Plain(m.Caseload, "0.0") }).ToList();
        var limit = t.CaseloadLimit;

        var title = labels.Format("management.title", name, input.AsOf.ToString("yyyy-MM-dd", labels.Culture));
        var charts = new Charts.ChartRenderer(labels, 1);
        return new WorkbookModel(stem, title, Internal: true,
        [
            new(labels["sheet.workers"],
            [
                new TitleBlock(labels.Format("fidelity.workers.title", name), labels.Format("fidelity.bands", t.HighBand, t.ModerateBand)),
                new TableBlock(workerHeader, workerRows, CellColor: (c, v) => Band(c, v, 2)),
                new ChartBlock("fidelity_workers", () => workers.Count == 0 ? null : charts.FidelityPerWorker(workers, t)),
                new NoteBlock(labels["note.fidelity"]),
            ]),
            all
                ? new(labels["sheet.courses"],
                [
                    new TitleBlock(labels.Format("fidelity.all.courses", name), labels["fidelity.all.courses.subtitle"]),
                    new TableBlock(municipalityHeader, municipalityRows, CellColor: (c, v) => Band(c, v, 1)),
                ])
                : new(labels["sheet.courses"],
                [
                    new TitleBlock(labels.Format("fidelity.courses.title", name), labels["fidelity.courses.subtitle"]),
                    new TableBlock(courseHeader, courseRows, CellColor: (c, v) => Band(c, v, 3)),
                ]),
            new(labels["sheet.phaseboard"],
            [
                new TitleBlock(labels.Format(all ? "phaseboard.all.title" : "phaseboard.title", name), labels.Format("phaseboard.rule", t.PhaseOverdueDays, t.ContactPeriodOverdueDays)),
                new TableBlock(boardHeader, boardRows, RowColor: r => Equals(r[^1], yes) ? LowColor : null),
            ]),
            new(labels["sheet.caseload"],
            [
                new TitleBlock(labels.Format("caseload.title", name), labels.Format("caseload.rule", limit)),
                all
                    ? new NoteBlock(labels["caseload.all.note"])
                    : new TableBlock(caseloadHeader, caseloadRows, CellColor: (c, v) => c == 4 && v is Plain p && p.Value > limit ? LowColor : null),
            ]),
        ]);
    }

    private static Plain? Number(double? value, string format) => value is { } v ? new Plain(Math.Round(v, 4), format) : null;
}
