using ClosedXML.Excel;
using Evaluation.Analytics.Outcomes;
using Evaluation.TestSupport;

namespace Evaluation.Reports.Tests.Workbooks;

/// <summary>The comparison and trajectory sheets, from hand-made results in the shape the analytics fill.</summary>
public sealed class ComparisonSheetTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    [Fact]
    public void ComparisonSheet_ShowsTheDifference_TheNs_AndExclusionsInWords()
    {
        var row = new ComparisonRow("WHO5", "logistic", 6.25, 1.5, 11.0, 60, 40, 3, ["Randers"], ["municipality_Odense"], 52.3, 31.8, 0.041, 0.087,
            new Dictionary<string, double?> { ["age"] = 0.21, ["children"] = -0.15, ["baseline"] = 0.3 },
            new Dictionary<string, double?> { ["age"] = 0.02, ["children"] = 0.01, ["baseline"] = -0.03 },
            new Dictionary<string, double?> { ["age"] = 1.05, ["baseline"] = 0.97 }, null)
        {
            PropensityCti = Enumerable.Range(0, 60).Select(i => 0.3 + (i / 150.0)).ToList(),
            PropensityKr = Enumerable.Range(0, 40).Select(i => 0.2 + (i / 120.0)).ToList(),
        };
        var trajectory = new TrajectoryRow("WHO5", "ALL", new FixedEffects(45, 0.8, 1.2, 0.6), new FixedEffects(1.1, 0.1, 1.5, 0.15), 80, 120, 900, 250);
        var input = fixture.Input with { Outcomes = fixture.Input.Outcomes with { Comparison = [row], Trajectory = [trajectory] } };
        using var folder = new TempFolder();

        var written = input.WriteWorkbooks(folder.Path, new Labels("en"), 5);

        using var workbook = new XLWorkbook(written.Files.Single(f => Path.GetFileName(f) == "All_municipalities_report_2026-10-31.xlsx"));
        var sheet = workbook.Worksheet("CTI compared with KR");
        var text = sheet.CellsUsed().Select(c => c.GetString()).ToList();
        var ateRow = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Well-being (WHO-5)");
        Assert.Equal(6.25, ateRow.Cell(3).GetDouble());
        Assert.Equal(60, ateRow.Cell(6).GetDouble());
        Assert.Equal("<5", ateRow.Cell(8).GetString()); // 3 courses left out: a count of persons
        Assert.Contains(text, t => t.Contains("left out because all their courses in the comparison were in one group: Randers", StringComparison.Ordinal));
        Assert.Contains(text, t => t.Contains("Dropped from the model", StringComparison.Ordinal) && t.Contains("Municipality Odense", StringComparison.Ordinal));
        Assert.Contains("Score at start", text);
        Assert.Equal(2, sheet.Pictures.Count); // love plot and overlap

        var trajectories = workbook.Worksheet("Trajectories");
        Assert.Contains(trajectories.CellsUsed(), c => c.DataType == XLDataType.Number && c.GetDouble() == 1.2);
        Assert.Single(trajectories.Pictures);
    }
}
