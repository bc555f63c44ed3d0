using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Instruments;
using Evaluation.Reports.Discretion;
using Evaluation.Reports.Workbooks;

namespace Evaluation.Reports.Publication;

/// <summary>
/// The published report (SPEC §7 "The report"), per municipality and across municipalities. The
/// constructor registers every figure of every report of the run with the discretion engine, with
/// the relations a reader can use; <see cref="Build"/> lays a workbook out once discretion is decided.
/// Sheet writers never format numbers themselves: they place registered cells.
/// </summary>
internal sealed partial class PublishedReport
{
    private readonly ReportInput input;
    private readonly Labels labels;
    private readonly DiscretionEngine engine;
    private readonly Charts.ChartRenderer charts;
    private readonly IReadOnlyList<string> municipalities;

    public PublishedReport(ReportInput input, Labels labels, DiscretionEngine engine)
    {
        this.input = input;
        this.labels = labels;
        this.engine = engine;
        charts = new Charts.ChartRenderer(labels, engine.Threshold);
        municipalities = input.Data.Courses.Select(c => c.Municipality).Distinct().Order(StringComparer.Ordinal).ToList();
        RegisterOverview();
        RegisterOutcomes();
        RegisterLoneliness();
        RegisterTrajectories();
        RegisterComparison();
        RegisterHousing();
        RegisterFidelity();
        RegisterQuality();
    }

    /// <summary>Charts that are the same in every workbook of the run, rendered once (the comparison's overlap density costs O(courses) per point).</summary>
    private readonly Dictionary<string, byte[]?> sharedCharts = new(StringComparer.Ordinal);

    private static string All => OutcomesCalculator.All;

    /// <summary>A chart that does not depend on the scope: drawn for the first workbook that asks, then reused.</summary>
    private Func<byte[]?> Once(string key, Func<byte[]?> render) => () =>
    {
        if (!sharedCharts.TryGetValue(key, out var png))
        {
            sharedCharts[key] = png = render();
        }

        return png;
    };

    /// <summary>The workbook for one municipality, or across municipalities for <see cref="OutcomesCalculator.All"/>.</summary>
    public WorkbookModel Build(string scope, string stem)
    {
        var title = labels.Format("report.title", Name(scope), input.AsOf.ToString("yyyy-MM-dd", labels.Culture));
        List<SheetModel> sheets =
        [
            new(labels["sheet.overview"], Overview(scope)),
            new(labels["sheet.outcomes"], Outcomes(scope)),
            new(labels["sheet.loneliness"], Loneliness(scope)),
            new(labels["sheet.trajectories"], Trajectories(scope)),
            new(labels["sheet.comparison"], Comparison(scope)),
            new(labels["sheet.housing"], Housing(scope)),
            new(labels["sheet.fidelity"], Fidelity(scope)),
            new(labels["sheet.quality"], Quality(scope)),
            new(labels["sheet.method"], Method()),
        ];
        return new WorkbookModel(stem, title, Internal: false, sheets);
    }

    /// <summary>Rows of a table: the municipality itself and ALL beside it, or every municipality and ALL.</summary>
    private IReadOnlyList<string> Rows(string scope) => scope == All ? [.. municipalities, All] : [scope, All];

    private string Name(string municipality) => municipality == All ? labels["all"] : municipality;

    private string GroupName(string group) => labels["group." + group];

    private string InstrumentName(string code) => labels.TryGet("instrument." + code) ?? input.Instruments.All.FirstOrDefault(i => i.Code == code)?.Label ?? code;

    /// <summary>The step between possible scores of an instrument whose scores are whole multiples (sum scores), else null.</summary>
    private double? Granularity(string code) =>
        input.Instruments.All.FirstOrDefault(i => i.Code == code) is { Scoring: ScoringRule.Sum } i ? i.Multiplier : null;

    /// <summary>ALL = Σ municipalities for one figure, registered when every part exists and the sum holds.</summary>
    private void SumOverMunicipalities(Func<string, DiscretionCell?> cell)
    {
        var total = cell(All);
        // A municipality without the row has none: the parts that exist must add up.
        var parts = municipalities.Select(cell).OfType<DiscretionCell>().ToList();
        if (total is not null)
        {
            engine.Sum(total, parts);
        }
    }
}
