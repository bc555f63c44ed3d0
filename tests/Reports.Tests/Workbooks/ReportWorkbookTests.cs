using ClosedXML.Excel;

namespace Evaluation.Reports.Tests.Workbooks;

/// <summary>The written workbooks, opened again with ClosedXML and read as a user would.</summary>
public sealed class ReportWorkbookTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static readonly string[] DanishSheets = ["Oversigt", "Resultater", "Ensomhed", "Bolig og krisecenter", "Metodetroskab", "Faseoversigt", "Sagsbelastning", "Datakvalitet", "Metode"];

    [Fact]
    public void OneWorkbookPerMunicipality_AndOneAcrossMunicipalities()
    {
        Assert.Equal(
            ["Aalborg_2026-10-31.xlsx", "København_2026-10-31.xlsx", "Odense_2026-10-31.xlsx", "Randers_2026-10-31.xlsx", "Alle_kommuner_2026-10-31.xlsx"],
            fixture.Danish.Select(Path.GetFileName));
        Assert.Equal(["Odense_2026-10-31.xlsx"], fixture.English.Select(Path.GetFileName));
    }

    [Fact]
    public void Sheets_AreNamedInDanish_ByDefault_AndInEnglishOnRequest()
    {
        using var danish = new XLWorkbook(fixture.Danish[0]);
        using var english = new XLWorkbook(fixture.English[0]);

        Assert.Equal(DanishSheets, danish.Worksheets.Select(w => w.Name));
        Assert.Equal("Overview", english.Worksheets.First().Name);
        Assert.StartsWith("CTI og koordinerende rådgivning: forløb i Aalborg", danish.Worksheet("Oversigt").Cell(1, 1).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Overview_MatchesTheData_WhereCountsAreShown()
    {
        using var workbook = new XLWorkbook(fixture.Danish[1]); // København
        var sheet = workbook.Worksheet("Oversigt");
        var ctiRow = sheet.RowsUsed().First(r => r.Cell(2).GetString() == "CTI");
        int columns = sheet.Row(4).CellsUsed().Count();
        var total = ctiRow.Cell(columns);

        int expected = fixture.Input.Data.Courses.Count(c => c.Municipality == "København" && c.Group == Domain.Values.Group.Cti && c.ContactStart <= fixture.Input.AsOf);
        Assert.True(total.GetString() is "<5" or ".." || total.GetValue<int>() == expected, $"total {total.GetString()} vs {expected}");
    }

    [Fact]
    public void NoCountOfOneToFourPersons_IsShown()
    {
        foreach (var path in fixture.Danish)
        {
            using var workbook = new XLWorkbook(path);
            foreach (var (sheetName, header) in new[] { ("Oversigt", (string?)null), ("Resultater", "n"), ("Ensomhed", "n"), ("Bolig og krisecenter", "n") })
            {
                var sheet = workbook.Worksheet(sheetName);
                foreach (var table in sheet.Tables)
                {
                    var countColumns = table.Fields.Where(f => header is null ? f.Index >= 2 : f.Name == header).Select(f => f.Index).ToList();
                    foreach (var row in table.DataRange.Rows())
                    {
                        foreach (var c in countColumns)
                        {
                            var cell = row.Cell(c + 1);
                            if (cell.DataType == XLDataType.Number)
                            {
                                var value = cell.GetDouble();
                                Assert.False(value is >= 1 and <= 4, $"{Path.GetFileName(path)} {sheetName} {cell.Address}: {value}");
                            }
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void StatisticsOnFewerThanFivePersons_AreHidden()
    {
        using var workbook = new XLWorkbook(fixture.Danish[^1]);
        var table = workbook.Worksheet("Resultater").Tables.First();
        int Column(string name) => table.Fields.First(f => f.Name == name).Index + 1;
        var byKey = fixture.Input.Outcomes.Change.ToDictionary(r => (r.Municipality == "ALL" ? "Alle kommuner" : r.Municipality, r.Instrument, r.Group == "CTI" ? "CTI" : "Koordinerende rådgivning (KR)", r.To));
        var waves = new Dictionary<string, string> { ["3 måneder"] = "m3", ["6 måneder"] = "m6", ["Afslutning"] = "end", ["Opfølgning"] = "followup" };

        int small = 0;
        foreach (var row in table.DataRange.Rows())
        {
            var source = byKey[(row.Cell(Column("Kommune")).GetString(), row.Cell(Column("Måleredskab")).GetString(), row.Cell(Column("Gruppe")).GetString(), waves[row.Cell(Column("Fra start til")).GetString()])];
            var mean = row.Cell(Column("Gennemsnitlig ændring"));
            if (source.N is > 0 and < 5)
            {
                small++;
                Assert.Equal("<5", row.Cell(Column("n")).GetString());
                Assert.Equal("<5", mean.GetString());
            }
            else if (source.MeanChange is { } value)
            {
                Assert.Equal(value, mean.GetDouble(), 12);
            }
        }

        Assert.True(small > 0, "the sample should have some small groups");
    }

    [Fact]
    public void TextFromInput_NeverBecomesAFormula()
    {
        foreach (var path in fixture.Danish)
        {
            using var workbook = new XLWorkbook(path);
            Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.HasFormula);
        }

        using var randers = new XLWorkbook(fixture.Danish[3]);
        Assert.Contains(randers.Worksheet("Metodetroskab").CellsUsed(), c => c.GetString() == ReportFixture.FormulaWorker);
    }

    [Fact]
    public void Charts_AreEmbedded_AndWrittenAsPngBesideTheWorkbook()
    {
        using var workbook = new XLWorkbook(fixture.Danish[^1]);

        Assert.Equal(4, workbook.Worksheet("Resultater").Pictures.Count); // one per instrument with change
        Assert.Single(workbook.Worksheet("Ensomhed").Pictures);
        Assert.Equal(2, workbook.Worksheet("Bolig og krisecenter").Pictures.Count);
        Assert.Single(workbook.Worksheet("Metodetroskab").Pictures);
        var charts = Directory.GetFiles(Path.ChangeExtension(fixture.Danish[^1], null) + "_charts", "*.png");
        Assert.Equal(8, charts.Length);
        Assert.All(charts, c => Assert.True(new FileInfo(c).Length > 10_000, c));
    }

    [Fact]
    public void Sheets_HaveFiltersFrozenHeadersAndLandscapePrint()
    {
        using var workbook = new XLWorkbook(fixture.Danish[^1]);
        var outcomes = workbook.Worksheet("Resultater");

        Assert.True(outcomes.Tables.First().ShowAutoFilter);
        Assert.Equal(4, outcomes.SheetView.SplitRow);
        Assert.Equal(XLPageOrientation.Landscape, outcomes.PageSetup.PageOrientation);
        Assert.Equal(1, outcomes.PageSetup.PagesWide);
        Assert.NotEmpty(workbook.Worksheet("Metodetroskab").ConditionalFormats);
        Assert.NotEmpty(workbook.Worksheet("Faseoversigt").ConditionalFormats);
    }

    [Fact]
    public void MethodNotes_PrintTheAsOfDateThresholdsAndVersion()
    {
        using var workbook = new XLWorkbook(fixture.Danish[0]);
        var values = workbook.Worksheet("Metode").CellsUsed().Select(c => c.GetString()).ToList();

        Assert.Contains("2026-10-31", values);
        Assert.Contains("60–120", values);
        Assert.Contains("test", values);
        Assert.Contains("default", values);
    }

    [Fact]
    public void DataQuality_ListsTheQuarantinedRowsByReason()
    {
        using var workbook = new XLWorkbook(fixture.Danish[^1]);
        var values = workbook.Worksheet("Datakvalitet").CellsUsed().Select(c => c.GetString()).ToList();

        Assert.Contains(values, v => v.Contains("CPR number does not start with a real birth date", StringComparison.Ordinal));
    }
}
