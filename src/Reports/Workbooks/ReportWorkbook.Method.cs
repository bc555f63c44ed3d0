using System.Globalization;

namespace Evaluation.Reports.Workbooks;

public sealed partial class ReportWorkbook
{
    /// <summary>Quarantined rows by file and reason, and courses left out of the survival analyses and why.</summary>
    private void Quality(Sheet sheet)
    {
        sheet.Title(labels["quality.title"], labels["quality.subtitle"]);
        string[] header = [labels["col.file"], labels["col.kind"], labels["col.reason"], labels["col.rows"]];
        var rows = input.Quality.Where(q => CrossMunicipality || q.File.StartsWith(scope + "/", StringComparison.Ordinal) || !q.File.Contains('/', StringComparison.Ordinal));
        sheet.Table(header, rows.Select(q => new object?[] { q.File, q.Kind, q.Reason, q.Rows }));

        sheet.Heading(labels["quality.leftout"]);
        var left = input.Outcomes.LeftOut;
        string[] leftHeader = [labels["col.reason"], labels["col.courses"]];
        List<object?[]> leftRows =
        [
            [labels["leftout.housing_no_move_in"], disclosure.Count(left.HousingNoMoveInDate)],
            [labels["leftout.housing_no_tenancy"], disclosure.Count(left.HousingNoIndexTenancy)],
            [labels["leftout.shelter_no_exit"], disclosure.Count(left.ShelterNoExitDate)],
            [labels["leftout.shelter_no_stay"], disclosure.Count(left.ShelterNoIndexStay)],
        ];
        sheet.Table(leftHeader, leftRows);
        sheet.Note(labels["quality.leftout.note"]);
        sheet.Finish(0);
    }

    /// <summary>Definitions, thresholds, as-of date, software version and instrument file.</summary>
    private void Method(Sheet sheet)
    {
        var t = input.Method.Thresholds;
        var s = input.Method.Settings;
        sheet.Title(labels["method.title"]);
        string[] header = [labels["col.item"], labels["col.value"]];
        List<object?[]> rows =
        [
            [labels["method.asof"], input.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            [labels["method.version"], input.Method.SoftwareVersion],
            [labels["method.instruments"], input.Method.InstrumentSource],
            [labels["method.discretion"], labels.Format("note.discretion", disclosure.Threshold)],
            [labels["method.phase_length"], $"{t.PhaseMinDays}–{t.PhaseMaxDays}"],
            [labels["method.phase1_before_move_in"], t.Phase1EarliestDaysBeforeMoveIn],
            [labels["method.handover"], t.HandoverDaysBeforeEnd],
            [labels["method.documentation"], $"±{t.DocumentationWindowDays} / {t.DocumentationDueAfterDays}"],
            [labels["method.caseload"], t.CaseloadLimit],
            [labels["method.bands"], $"≥ {t.HighBand} / ≥ {t.ModerateBand}"],
            [labels["method.overdue"], $"{t.PhaseOverdueDays} / {t.ContactPeriodOverdueDays}"],
            [labels["method.tenancy_window"], s.TenancyWindowDays],
            [labels["method.same_stay"], s.SameStayGapDays],
            [labels["method.bootstrap"], $"{s.BootstrapResamples} (seed {s.BootstrapSeed})"],
            [labels["method.reference"], s.LonelinessReference is { } r ? $"{r.ToString("P1", labels.Culture)} {s.LonelinessReferenceLabel}" : labels["none"]],
        ];
        sheet.Table(header, rows);
        sheet.Heading(labels["method.definitions"]);
        foreach (var key in new[] { "def.scores", "def.change", "def.rci", "def.trajectory", "def.ipw", "def.housing", "def.shelter", "def.fidelity", "def.checklists", "def.caseload", "def.asof", "def.choices" })
        {
            sheet.Note(labels[key]);
        }

        sheet.Finish(0);
    }
}
