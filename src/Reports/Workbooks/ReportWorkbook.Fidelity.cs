using ClosedXML.Excel;
using Evaluation.Analytics.Outcomes;

namespace Evaluation.Reports.Workbooks;

public sealed partial class ReportWorkbook
{
    private static readonly XLColor High = XLColor.FromHtml("#C6EFCE");
    private static readonly XLColor Moderate = XLColor.FromHtml("#FFEB9C");
    private static readonly XLColor Low = XLColor.FromHtml("#FFC7CE");

    private bool InScope(string municipality) => CrossMunicipality || municipality == scope;

    /// <summary>Fidelity per municipality, per worker (with caseload beside it) and per course with its missing checklist items.</summary>
    private void Fidelity(Sheet sheet)
    {
        var thresholds = input.Method.Thresholds;
        sheet.Title(labels.Format("fidelity.title", MunicipalityLabel(scope)),
            labels.Format("fidelity.bands", thresholds.HighBand, thresholds.ModerateBand));

        if (CrossMunicipality)
        {
            sheet.Heading(labels["fidelity.municipalities"]);
            string[] mHeader = [labels["col.municipality"], labels["col.fidelity"], labels["band.high"], labels["band.moderate"], labels["band.low"], labels["col.courses_scored"]];
            sheet.Table(mHeader, input.Fidelity.Municipalities.Select(m =>
            {
                var shown = disclosure.Grid(new[,] { { m.High, m.Moderate, m.Low, m.Courses } }, false, true);
                return new object?[] { m.Municipality, disclosure.Statistic(m.Fidelity, m.Courses), shown[0, 0], shown[0, 1], shown[0, 2], shown[0, 3] };
            }), [null, "0.0"]);
        }

        sheet.Heading(labels["fidelity.workers"]);
        var workers = input.Fidelity.Workers.Where(w => InScope(w.Municipality)).ToList();
        string[] wHeader = [labels["col.municipality"], labels["col.worker"], labels["col.fidelity"], labels["col.courses_scored"], labels["col.caseload_score"], labels["col.max_caseload"]];
        var workerRange = sheet.Table(wHeader, workers.Select(w => new object?[]
        {
            w.Municipality, w.WorkerId, disclosure.Statistic(w.Fidelity, w.Courses), disclosure.Count(w.Courses), w.CaseloadScore, w.MaxCaseload,
        }), [null, null, "0.0", null, "0.0%", "0.0"]);
        Bands(workerRange.Column(3));
        AddChart(sheet, "fidelity_workers", charts.FidelityPerWorker(workers, thresholds));

        sheet.Heading(labels["fidelity.courses"]);
        string[] cHeader =
        [
            labels["col.course"], labels["col.municipality"], labels["col.worker"], labels["col.fidelity"], labels["col.band"],
            labels["component.checklists"], labels["component.phase_timing"], labels["component.tapering"], labels["component.plan"],
            labels["component.needs_assessment"], labels["component.handover"], labels["component.documentation"], labels["col.missing_items"],
        ];
        var courseRange = sheet.Table(cHeader, input.Fidelity.Courses.Where(c => InScope(c.Municipality)).Select(c => new object?[]
        {
            c.CourseId, c.Municipality, c.WorkerId, c.Fidelity, c.Band is null ? null : labels["band." + c.Band],
            c.Components.Checklists, c.Components.PhaseTiming, c.Components.Tapering, c.Components.Plan,
            c.Components.NeedsAssessment, c.Components.Handover, c.Components.Documentation, string.Join(", ", c.MissingItems),
        }), [null, null, null, "0.0", null, "0%", "0%", "0%", "0%", "0%", "0%", "0%"]);
        Bands(courseRange.Column(4));
        sheet.Note(labels["note.fidelity"]);
        sheet.Finish(0);
    }

    /// <summary>Bands as conditional formatting on a fidelity column (header row excluded).</summary>
    private void Bands(IXLRangeColumn column)
    {
        var cells = column.Worksheet.Range(column.FirstCell().Address.RowNumber + 1, column.ColumnNumber(), column.LastCell().Address.RowNumber, column.ColumnNumber());
        var thresholds = input.Method.Thresholds;
        cells.AddConditionalFormat().WhenEqualOrGreaterThan(thresholds.HighBand).Fill.SetBackgroundColor(High);
        cells.AddConditionalFormat().WhenBetween(thresholds.ModerateBand, thresholds.HighBand - 1e-9).Fill.SetBackgroundColor(Moderate);
        cells.AddConditionalFormat().WhenLessThan(thresholds.ModerateBand).Fill.SetBackgroundColor(Low);
    }

    /// <summary>Active CTI courses with phase and days in it; overdue rows highlighted.</summary>
    private void PhaseBoard(Sheet sheet)
    {
        var thresholds = input.Method.Thresholds;
        sheet.Title(labels.Format("phaseboard.title", MunicipalityLabel(scope)),
            labels.Format("phaseboard.rule", thresholds.PhaseOverdueDays, thresholds.ContactPeriodOverdueDays));
        var municipalityOf = input.Fidelity.Courses.ToDictionary(c => c.CourseId, c => c.Municipality);
        var entries = input.Fidelity.PhaseBoard.Where(p => InScope(municipalityOf.GetValueOrDefault(p.CourseId, ""))).ToList();
        string[] header = [labels["col.course"], labels["col.municipality"], labels["col.worker"], labels["col.phase"], labels["col.days_in_phase"], labels["col.overdue"]];
        var range = sheet.Table(header, entries.OrderByDescending(p => p.Overdue).ThenByDescending(p => p.DaysInPhase).Select(p => new object?[]
        {
            p.CourseId, municipalityOf.GetValueOrDefault(p.CourseId), p.WorkerId, labels["phase." + p.Phase], p.DaysInPhase, p.Overdue ? labels["yes"] : labels["no"],
        }));
        if (entries.Count > 0)
        {
            var body = sheet.Worksheet.Range(range.FirstRow().RowNumber() + 1, 1, range.LastRow().RowNumber(), header.Length);
            var overdueColumn = XLHelper.GetColumnLetterFromNumber(header.Length);
            body.AddConditionalFormat().WhenIsTrue($"=${overdueColumn}{range.FirstRow().RowNumber() + 1}=\"{labels["yes"]}\"").Fill.SetBackgroundColor(Low);
        }

        sheet.Finish(4);
    }

    /// <summary>Caseload per worker and month: active CTI courses on the 15th per full-time worker.</summary>
    private void Caseload(Sheet sheet)
    {
        var thresholds = input.Method.Thresholds;
        sheet.Title(labels.Format("caseload.title", MunicipalityLabel(scope)), labels.Format("caseload.rule", thresholds.CaseloadLimit));
        var workers = input.Fidelity.Workers.Where(w => InScope(w.Municipality)).Select(w => w.WorkerId).ToHashSet();
        string[] header = [labels["col.worker"], labels["col.month"], labels["col.active_courses"], labels["col.fte"], labels["col.caseload"]];
        var months = input.Caseload.Where(m => workers.Contains(m.WorkerId)).ToList();
        var range = sheet.Table(header, months.Select(m => new object?[]
        {
            m.WorkerId, m.Month.ToString("yyyy-MM", labels.Culture), disclosure.Count(m.ActiveCourses), m.Fte, m.Caseload,
        }), [null, null, null, "0.0", "0.0"]);
        if (months.Count > 0)
        {
            var column = sheet.Worksheet.Range(range.FirstRow().RowNumber() + 1, 5, range.LastRow().RowNumber(), 5);
            column.AddConditionalFormat().WhenGreaterThan(thresholds.CaseloadLimit).Fill.SetBackgroundColor(Low);
        }

        sheet.Finish(4);
    }
}
