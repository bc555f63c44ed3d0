using System.Globalization;
using Evaluation.Reports.Discretion;
using Evaluation.Reports.Workbooks;

namespace Evaluation.Reports.Publication;

internal sealed partial class PublishedReport
{
    private DiscretionCell[] leftOut = [];

    private void RegisterQuality()
    {
        var left = input.Outcomes.LeftOut;
        leftOut =
        [
            engine.Count("left_out|housing_no_move_in", left.HousingNoMoveInDate),
            engine.Count("left_out|housing_no_tenancy", left.HousingNoIndexTenancy),
            engine.Count("left_out|shelter_no_exit", left.ShelterNoExitDate),
            engine.Count("left_out|shelter_no_stay", left.ShelterNoIndexStay),
        ];
    }

    /// <summary>This municipality's own quarantined rows by file and reason (rows of files, not persons), and courses left out of the analyses.</summary>
    private List<Block> Quality(string scope)
    {
        string[] header = [labels["col.file"], labels["col.kind"], labels["col.reason"], labels["col.rows"]];
        var own = input.Quality.Where(q => scope == All || q.File.StartsWith(scope + "/", StringComparison.Ordinal) || q.File.StartsWith(scope + "\\", StringComparison.Ordinal)).ToList();
        var blocks = new List<Block>
        {
            new TitleBlock(labels.Format("quality.title", Name(scope)), labels["quality.subtitle"]),
            new TableBlock(header, own.Select(q => new object?[] { q.File, labels.TryGet("kind." + q.Kind) ?? q.Kind, Reasons.Translate(q.Reason, labels), q.Rows }).ToList()),
            new HeadingBlock(labels["quality.leftout"]),
        };
        if (scope == All)
        {
            string[] leftHeader = [labels["col.reason"], labels["col.courses"]];
            string[] reasons = ["leftout.housing_no_move_in", "leftout.housing_no_tenancy", "leftout.shelter_no_exit", "leftout.shelter_no_stay"];
            blocks.Add(new TableBlock(leftHeader, reasons.Select((r, i) => new object?[] { labels[r], leftOut[i] }).ToList()));
        }
        else
        {
            blocks.Add(new NoteBlock(labels["quality.leftout.all_only"]));
        }

        blocks.Add(new NoteBlock(labels["quality.leftout.note"]));
        return blocks;
    }

    /// <summary>Definitions in plain language, the as-of date, thresholds, software version and how many cells each discretion rule hid.</summary>
    private List<Block> Method()
    {
        var t = input.Method.Thresholds;
        var s = input.Method.Settings;
        var c = labels.Culture;
        List<object?[]> rows =
        [
            [labels["method.asof"], input.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            [labels["method.version"], input.Method.SoftwareVersion],
            [labels["method.instruments"], input.Method.InstrumentSource],
            [labels["method.phase_length"], $"{t.PhaseMinDays}–{t.PhaseMaxDays}"],
            [labels["method.phase1_before_move_in"], t.Phase1EarliestDaysBeforeMoveIn.ToString(c)],
            [labels["method.handover"], t.HandoverDaysBeforeEnd.ToString(c)],
            [labels["method.documentation"], labels.Format("method.documentation.value", t.DocumentationWindowDays, t.DocumentationDueAfterDays)],
            [labels["method.caseload"], t.CaseloadLimit.ToString(c)],
            [labels["method.bands"], labels.Format("method.bands.value", t.HighBand, t.ModerateBand)],
            [labels["method.overdue"], labels.Format("method.overdue.value", t.PhaseOverdueDays, t.ContactPeriodOverdueDays)],
            [labels["method.tenancy_window"], s.TenancyWindowDays.ToString(c)],
            [labels["method.same_stay"], s.SameStayGapDays.ToString(c)],
            [labels["method.bootstrap"], labels.Format("method.bootstrap.value", s.BootstrapResamples, s.BootstrapSeed)],
            [labels["method.reference"], s.LonelinessReference is { } r ? $"{r.ToString("P1", c)} ({s.LonelinessReferenceLabel ?? labels["loneliness.source"]})" : labels["none"]],
        ];
        var suppressed = engine.Suppressed;
        List<object?[]> discretion =
        [
            .. Enum.GetValues<SuppressionRule>().Select(rule => new object?[] { labels["rule." + rule], suppressed[rule] }),
        ];
        var blocks = new List<Block>
        {
            new TitleBlock(labels["method.title"]),
            new TableBlock([labels["col.item"], labels["col.value"]], rows),
            new HeadingBlock(labels["method.discretion"]),
            new NoteBlock(labels.Format("note.discretion.full", engine.Threshold, engine.Threshold - 1)),
            new TableBlock([labels["col.rule"], labels["col.cells"]], discretion),
            new HeadingBlock(labels["method.definitions"]),
        };
        foreach (var key in new[] { "def.scores", "def.change", "def.rci", "def.loneliness", "def.trajectory", "def.ipw", "def.housing", "def.shelter", "def.fidelity", "def.checklists", "def.caseload", "def.asof" })
        {
            blocks.Add(new NoteBlock(labels[key]));
        }

        return blocks;
    }
}
