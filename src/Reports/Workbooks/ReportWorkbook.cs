using ClosedXML.Excel;
using Evaluation.Analytics.Outcomes;
using Evaluation.Reports.Charts;

namespace Evaluation.Reports.Workbooks;

/// <summary>
/// One workbook (SPEC §7): for one municipality, or across municipalities (<see cref="OutcomesCalculator.All"/>):
/// overview, outcomes with charts, loneliness, housing and shelter, fidelity, phase board, caseload,
/// data quality and method notes. Charts are embedded and written as PNG beside the workbook.
/// </summary>
public sealed partial class ReportWorkbook
{
    private readonly ReportInput input;
    private readonly string scope;
    private readonly Labels labels;
    private readonly Disclosure disclosure;
    private readonly ChartRenderer charts;
    private readonly List<(string Name, byte[] Png)> pictures = [];

    public ReportWorkbook(ReportInput input, string scope, Labels labels, Disclosure disclosure)
    {
        this.input = input ?? throw new ArgumentNullException(nameof(input));
        this.scope = scope ?? throw new ArgumentNullException(nameof(scope));
        this.labels = labels ?? throw new ArgumentNullException(nameof(labels));
        this.disclosure = disclosure ?? throw new ArgumentNullException(nameof(disclosure));
        charts = new ChartRenderer(labels, disclosure);
    }

    private bool CrossMunicipality => scope == OutcomesCalculator.All;

    /// <summary>Municipalities shown as rows: the one in scope, or every one and then ALL.</summary>
    private IReadOnlyList<string> Municipalities => CrossMunicipality
        ? [.. input.Outcomes.HousingRetention.Select(r => r.Municipality).Where(m => m != OutcomesCalculator.All).Distinct().Order(StringComparer.Ordinal), OutcomesCalculator.All]
        : [scope];

    /// <summary>Writes the workbook and its chart PNGs into <paramref name="folder"/>; returns the workbook's path.</summary>
    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var name = CrossMunicipality ? labels["file.cross"] : scope;
        var stem = $"{Safe(name)}_{input.AsOf:yyyy-MM-dd}";
        using var workbook = new XLWorkbook();
        Overview(new Sheet(workbook.AddWorksheet(labels["sheet.overview"])));
        Outcomes(new Sheet(workbook.AddWorksheet(labels["sheet.outcomes"])));
        Loneliness(new Sheet(workbook.AddWorksheet(labels["sheet.loneliness"])));
        Housing(new Sheet(workbook.AddWorksheet(labels["sheet.housing"])));
        Fidelity(new Sheet(workbook.AddWorksheet(labels["sheet.fidelity"])));
        PhaseBoard(new Sheet(workbook.AddWorksheet(labels["sheet.phaseboard"])));
        Caseload(new Sheet(workbook.AddWorksheet(labels["sheet.caseload"])));
        Quality(new Sheet(workbook.AddWorksheet(labels["sheet.quality"])));
        Method(new Sheet(workbook.AddWorksheet(labels["sheet.method"])));
        var path = Path.Combine(folder, stem + ".xlsx");
        workbook.SaveAs(path);
        var chartFolder = Path.Combine(folder, stem + "_charts");
        Directory.CreateDirectory(chartFolder);
        foreach (var (picture, png) in pictures)
        {
            File.WriteAllBytes(Path.Combine(chartFolder, picture + ".png"), png);
        }

        return path;
    }

    private void AddChart(Sheet sheet, string name, byte[] png)
    {
        pictures.Add((name, png));
        sheet.Picture(png, name);
    }

    private string GroupLabel(string group) => labels["group." + group];

    private string MunicipalityLabel(string municipality) => municipality == OutcomesCalculator.All ? labels["all"] : municipality;

    private static string Safe(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
