using ClosedXML.Excel;
using Evaluation.Reports.Workbooks;

namespace Evaluation.Reports.Tests.Workbooks;

/// <summary>The written workbooks, opened again with ClosedXML and read as a user would.</summary>
public sealed class ReportWorkbookTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static readonly string[] DanishSheets = ["Oversigt", "Resultater", "Ensomhed", "Forløbskurver", "CTI sammenlignet med KR", "Bolig og krisecenter", "Metodetroskab", "Datakvalitet", "Metode"];

    private string Danish(string name) => fixture.Danish.Single(f => Path.GetFileName(f) == name);

    [Fact]
    public void TwoWorkbooksPerMunicipality_AndTwoAcrossMunicipalities()
    {
        Assert.Equal(
            [
                "Aalborg_rapport_2026-10-31.xlsx", "Aalborg_ledelse_2026-10-31.xlsx", "København_rapport_2026-10-31.xlsx", "København_ledelse_2026-10-31.xlsx",
                "Odense_rapport_2026-10-31.xlsx", "Odense_ledelse_2026-10-31.xlsx", "Randers_rapport_2026-10-31.xlsx", "Randers_ledelse_2026-10-31.xlsx",
                "Alle_kommuner_rapport_2026-10-31.xlsx", "Alle_kommuner_ledelse_2026-10-31.xlsx",
            ],
            fixture.Danish.Select(Path.GetFileName));
        Assert.Equal(["Odense_report_2026-10-31.xlsx", "Odense_management_2026-10-31.xlsx"], fixture.English.Select(Path.GetFileName));
    }

    [Fact]
    public void FileStems_StayApart_WhenNamesCleanToTheSameText()
    {
        var stems = ReportInput.FileStems(["Vest/Egn", "Vest Egn", "Randers"], "Alle_kommuner");

        Assert.NotEqual(stems["Vest/Egn"], stems["Vest Egn"]);
        Assert.StartsWith("Vest_Egn-", stems["Vest/Egn"], StringComparison.Ordinal);
        Assert.Equal("Randers", stems["Randers"]);
    }

    [Theory]
    [InlineData("Alle kommuner")]
    [InlineData("Alle_kommuner")]
    [InlineData("ALLE KOMMUNER")]
    public void FileStems_KeepTheCrossMunicipalityName_ForTheCrossMunicipalityWorkbooksAlone(string municipality)
    {
        var stems = ReportInput.FileStems([municipality, "Randers"], "Alle kommuner");

        Assert.Equal("Alle_kommuner", stems[Evaluation.Analytics.Outcomes.OutcomesCalculator.All]);
        Assert.StartsWith("Alle_kommuner-", stems[municipality], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FileStems_AreShort_ForAVeryLongName()
    {
        var name = new string('Æ', 140);

        var stem = ReportInput.FileStems([name], "Alle kommuner")[name];

        Assert.Equal(59, stem.Length); // 50 characters, '-', 8 of the hash
        Assert.StartsWith(new string('Æ', 50) + "-", stem, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderText_IsAValidPageHeader_ForAnyTitle()
    {
        var title = "Evaluering & " + new string('M', 300) + "\u0007";

        var header = WorkbookWriter.HeaderText(title);

        Assert.DoesNotContain(header, char.IsControl);
        Assert.True(header.Length < 200, header);
        Assert.StartsWith("Evaluering && MMM", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Sheets_AreNamedInDanish_ByDefault_AndInEnglishOnRequest()
    {
        using var danish = new XLWorkbook(Danish("Aalborg_rapport_2026-10-31.xlsx"));
        using var english = new XLWorkbook(fixture.English[0]);

        Assert.Equal(DanishSheets, danish.Worksheets.Select(w => w.Name));
        Assert.Equal("Overview", english.Worksheets.First().Name);
        Assert.StartsWith("CTI og koordinerende rådgivning: forløb i Aalborg", danish.Worksheet("Oversigt").Cell(1, 1).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Outcomes_NameInstruments_NotCodes()
    {
        using var workbook = new XLWorkbook(Danish("Alle_kommuner_rapport_2026-10-31.xlsx"));
        var text = workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();

        Assert.Contains("Ensomhed (UCLA-3)", text);
        Assert.Contains("Trivsel (WHO-5)", text);
        Assert.DoesNotContain(text, t => t is "LONELY3" or "WHO5" or "SELFCARE" or "PARENT");
        Assert.DoesNotContain(text, t => t.Contains("SPEC", StringComparison.Ordinal) || t.Contains("README", StringComparison.Ordinal) || t.Contains("Outcomes:", StringComparison.Ordinal));
    }

    [Fact]
    public void Overview_ShowsThePersonsAndCoursesPerGroup_AcrossMunicipalities()
    {
        using var workbook = new XLWorkbook(Danish("Alle_kommuner_rapport_2026-10-31.xlsx"));
        var sheet = workbook.Worksheet("Oversigt");
        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Kommune");
        int total = header.CellsUsed().Count();
        foreach (var (label, group) in new[] { ("CTI", Domain.Values.Group.Cti), ("Koordinerende rådgivning (KR)", Domain.Values.Group.Kr) })
        {
            var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Alle kommuner" && r.Cell(2).GetString() == label);
            int expected = fixture.Input.Data.Courses.Count(c => c.Group == group && c.ContactStart <= fixture.Input.AsOf);

            Assert.Equal(expected, row.Cell(total).GetValue<int>());
        }
    }

    [Fact]
    public void ManagementWorkbook_IsMarkedInternal_AndHasNoOutcomes()
    {
        using var workbook = new XLWorkbook(Danish("Randers_ledelse_2026-10-31.xlsx"));

        Assert.Equal(["Medarbejdere", "Forløb", "Faseoversigt", "Sagsbelastning"], workbook.Worksheets.Select(w => w.Name));
        Assert.All(workbook.Worksheets, w =>
        {
            Assert.StartsWith("INTERNT", w.Cell(1, 1).GetString(), StringComparison.Ordinal);
        });
        Assert.All(PageHeaders(Danish("Randers_ledelse_2026-10-31.xlsx")), h => Assert.Contains("&L&\"-,Bold\"&KC00000INTERNT", h, StringComparison.Ordinal));
        var text = workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();
        Assert.DoesNotContain(text, t => t.Contains("Ensomhed", StringComparison.Ordinal) || t.Contains("Trivsel", StringComparison.Ordinal));
    }

    [Fact]
    public void ManagementWorkbook_AcrossMunicipalities_HasARowPerMunicipality_AndOnlyTheOverdueCourses()
    {
        using var workbook = new XLWorkbook(Danish("Alle_kommuner_ledelse_2026-10-31.xlsx"));
        var courses = workbook.Worksheet("Forløb").CellsUsed().Select(c => c.GetString()).ToList();
        var board = workbook.Worksheet("Faseoversigt");
        var header = board.RowsUsed().First(r => r.Cell(1).GetString() == "Forløb");
        var overdue = board.RowsUsed().Where(r => r.RowNumber() > header.RowNumber()).Select(r => r.LastCellUsed().GetString()).ToList();

        Assert.All(new[] { "Aalborg", "København", "Odense", "Randers" }, m => Assert.Contains(m, courses));
        Assert.DoesNotContain(courses, c => c.StartsWith("RAN-", StringComparison.Ordinal));
        Assert.NotEmpty(overdue);
        Assert.All(overdue, o => Assert.Equal("ja", o));
    }

    [Fact]
    public void ManagementWorkbook_ListsMissingItems_WithCodeAndText()
    {
        using var workbook = new XLWorkbook(Danish("Randers_ledelse_2026-10-31.xlsx"));
        var missing = workbook.Worksheet("Forløb").CellsUsed().Select(c => c.GetString()).Where(t => t.Contains("p2_", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(missing);
        Assert.All(missing, m => Assert.Matches(@"^(\w+ [^;]+)(; \w+ [^;]+)*$", m));
        Assert.Contains(missing, m => m.Contains("p2_4 der er påbegyndt et arbejde med at styrke borgerens støttenetværk", StringComparison.Ordinal));
    }

    [Fact]
    public void StatisticsOnFewerThanFivePersons_AreHidden_AndShownStatisticsKeepTheirN()
    {
        using var workbook = new XLWorkbook(Danish("Alle_kommuner_rapport_2026-10-31.xlsx"));
        var sheet = workbook.Worksheet("Resultater");
        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Kommune");
        int Column(string name) => header.CellsUsed().First(c => c.GetString() == name).Address.ColumnNumber;
        int n = Column("n"), mean = Column("Gennemsnitlig ændring"), p = Column("p (parret t-test)");
        int small = 0;
        foreach (var row in sheet.RowsUsed().Where(r => r.RowNumber() > header.RowNumber() && r.Cell(n).GetString().Length > 0))
        {
            if (row.Cell(mean).DataType == XLDataType.Number)
            {
                Assert.Equal(XLDataType.Number, row.Cell(n).DataType);
                Assert.True(row.Cell(n).GetDouble() >= 5);
                Assert.Equal(Math.Round(row.Cell(mean).GetDouble(), 2), row.Cell(mean).GetDouble()); // no more precision than the page shows
            }

            if (row.Cell(n).GetString() == "<5")
            {
                small++;
                Assert.Equal("<5", row.Cell(mean).GetString());
            }

            Assert.NotEqual("0.000", row.Cell(p).GetFormattedString());
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

        using var randers = new XLWorkbook(Danish("Randers_ledelse_2026-10-31.xlsx"));
        Assert.Contains(randers.Worksheet("Medarbejdere").CellsUsed(), c => c.GetString() == ReportFixture.FormulaWorker);
    }

    [Fact]
    public void Charts_AreEmbedded_AndWrittenAsPngBesideTheWorkbook()
    {
        var path = Danish("Alle_kommuner_rapport_2026-10-31.xlsx");
        using var workbook = new XLWorkbook(path);

        Assert.Equal(4, workbook.Worksheet("Resultater").Pictures.Count); // one per instrument with change
        Assert.Equal(2, workbook.Worksheet("Ensomhed").Pictures.Count); // loneliness and safety
        Assert.Equal(2, workbook.Worksheet("Bolig og krisecenter").Pictures.Count);
        var charts = Directory.GetFiles(Path.ChangeExtension(path, null) + "_charts", "*.png");
        Assert.Equal(workbook.Worksheets.Sum(w => w.Pictures.Count), charts.Length);
        Assert.All(charts, c => Assert.True(new FileInfo(c).Length > 10_000, c));
    }

    [Fact]
    public void Sheets_PrintOnA4_WithRepeatedHeaders_PageNumbers_AndTheTitleInTheHeader()
    {
        var path = Danish("Alle_kommuner_rapport_2026-10-31.xlsx");
        var headers = PageHeaders(path);
        using var workbook = new XLWorkbook(path);
        Assert.Equal(workbook.Worksheets.Count, headers.Count);
        Assert.All(headers, h =>
        {
            Assert.Contains("&CEvaluering af CTI: Alle kommuner, opgjort pr. 2026-10-31", h, StringComparison.Ordinal);
            Assert.Contains("&CSide &P af &N", h, StringComparison.Ordinal);
        });
        foreach (var sheet in workbook.Worksheets)
        {
            Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
            Assert.Equal(1, sheet.PageSetup.PagesWide);
            Assert.True(sheet.PageSetup.FirstRowToRepeatAtTop > 0, sheet.Name);
            Assert.All(sheet.ColumnsUsed(), c => Assert.True(c.Width <= 50, $"{sheet.Name} column {c.ColumnNumber()} is {c.Width} wide"));
        }
    }

    [Fact]
    public void NumberHeaders_AreRightAligned_AboveTheirNumbers()
    {
        using var workbook = new XLWorkbook(Danish("Alle_kommuner_rapport_2026-10-31.xlsx"));
        var sheet = workbook.Worksheet("Resultater");
        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Kommune");

        Assert.Equal(XLAlignmentHorizontalValues.Right, header.Cells().First(c => c.GetString() == "n").Style.Alignment.Horizontal);
        Assert.NotEqual(XLAlignmentHorizontalValues.Right, header.Cell(1).Style.Alignment.Horizontal);
    }

    [Fact]
    public void MethodNotes_PrintTheAsOfDate_TheRulesCounts_AndTheReferenceSource()
    {
        using var workbook = new XLWorkbook(Danish("Aalborg_rapport_2026-10-31.xlsx"));
        var values = workbook.Worksheet("Metode").CellsUsed().Select(c => c.GetString()).ToList();

        Assert.Contains("2026-10-31", values);
        Assert.Contains("60–120", values);
        Assert.Contains(values, v => v.Contains("Danskernes Sundhed 2021", StringComparison.Ordinal));
        Assert.Contains("Antal på 1 til 4 personer (<5)", values);
        Assert.Contains("Skjult så intet skjult tal kan regnes ud (..)", values);
    }

    [Fact]
    public void DataQuality_ListsOnlyTheMunicipalitysOwnRows_InDanish()
    {
        using var cross = new XLWorkbook(Danish("Alle_kommuner_rapport_2026-10-31.xlsx"));
        using var aalborg = new XLWorkbook(Danish("Aalborg_rapport_2026-10-31.xlsx"));
        var all = cross.Worksheet("Datakvalitet").CellsUsed().Select(c => c.GetString()).ToList();
        var own = aalborg.Worksheet("Datakvalitet").CellsUsed().Select(c => c.GetString()).ToList();

        Assert.Contains(all, v => v.Contains("CPR-nummeret starter ikke med en rigtig fødselsdato", StringComparison.Ordinal));
        Assert.DoesNotContain(all, v => v.Contains("CPR number does not start", StringComparison.Ordinal));
        Assert.All(own.Where(v => v.EndsWith(".csv", StringComparison.Ordinal) || v.EndsWith(".xlsx", StringComparison.Ordinal)), v => Assert.StartsWith("Aalborg/", v, StringComparison.Ordinal));
    }

    /// <summary>The page header and footer text of every sheet, as stored (ClosedXML 0.95 does not read them back).</summary>
    private static List<string> PageHeaders(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        return zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal))
            .Select(e =>
            {
                using var reader = new StreamReader(e.Open());
                var xml = System.Xml.Linq.XDocument.Parse(reader.ReadToEnd());
                return string.Concat(xml.Descendants().Where(d => d.Name.LocalName is "oddHeader" or "oddFooter").Select(d => d.Value));
            }).ToList();
    }
}
