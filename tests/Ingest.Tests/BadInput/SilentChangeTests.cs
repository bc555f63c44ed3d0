using Evaluation.TestSupport;

namespace Evaluation.Ingest.Tests.BadInput;

/// <summary>
/// Values that used to change without a word (issue 17): Excel error cells loaded as empty, a
/// placeholder date that broke every result, Danish headers of tenancies dropped as unknown.
/// </summary>
public sealed class SilentChangeTests : IDisposable
{
    private readonly TempFolder folder = new();

    public SilentChangeTests() => Inbox.WriteSibling(folder);

    [Fact]
    public void Read_TakesAMunicipalityFolder_AsAPersonReadsItsName()
    {
        // "Tårnby" as a Mac writes the folder (a + combining ring), and a folder name with a trailing space.
        folder.Write("Ta\u030Arnby/courses_b.csv", "course_id,cpr,group\nB1,010190-1234,CTI\n");
        folder.Write("Aalborg /courses_c.csv", "course_id,cpr,group\nC1,010190-1234,CTI\n");
        folder.Write("Y/courses_d.csv", "course_id,cpr,group,municipality\nD1,010190-1234,KR,T\u00E5rnby\n");

        var read = Inbox.Read(folder);

        Inbox.AssertSiblingLoaded(read);
        Assert.Equal("T\u00E5rnby", read.Data.Courses.Single(c => c.CourseId == "B1").Municipality);
        Assert.Equal("T\u00E5rnby", read.Data.Courses.Single(c => c.CourseId == "D1").Municipality);
        Assert.Equal("Aalborg", read.Data.Courses.Single(c => c.CourseId == "C1").Municipality);
    }

    [Theory]
    [InlineData("aalborg", "Aalborg")]
    [InlineData("Aalborg Kommune", "Aalborg")]
    [InlineData("KØBENHAVNS KOMMUNE", "København")]
    [InlineData("Århus", "Aarhus")]
    [InlineData("Kommune 005", "Kommune 005")]
    public void Read_WritesAMunicipality_AsDenmarksListOfMunicipalitiesWritesIt(string written, string stored)
    {
        folder.Write("Y/courses_d.csv", $"course_id,cpr,group,municipality\nD1,010190-1234,KR,{written}\n");
        folder.Write(written + "/courses_e.csv", "course_id,cpr,group\nE1,010190-1234,KR\n");

        var read = Inbox.Read(folder);

        Assert.Equal(stored, read.Data.Courses.Single(c => c.CourseId == "D1").Municipality);
        Assert.Equal(stored, read.Data.Courses.Single(c => c.CourseId == "E1").Municipality);
    }

    [Fact]
    public void Read_DropsInvisibleCharacters_FromIdsAndHeaders()
    {
        // A zero-width space after an id and inside a header name, as copying from a web page leaves them.
        folder.Write("X/courses_b.csv", "course\u200B_id,cpr,group\nB1\u200B,010190-1234,CTI\n");

        var read = Inbox.Read(folder);

        var report = Inbox.File(read.Files, "X/courses_b.csv");
        Assert.Equal((1, 1), (report.Rows, report.Loaded));
        Assert.Contains(read.Data.Courses, c => c.CourseId == "B1");
    }

    [Fact]
    public void Read_LoadsRows_WhenOnlyTheHeaderLineOrOnlyTheRowsEndInASeparator()
    {
        folder.Write("X/courses_b.csv", "course_id,cpr,group,\nB1,010190-1234,CTI\nB2,010190-1234,KR,\nB3,010190-1234,KR,stray\n");
        folder.Write("X/courses_c.csv", "course_id,cpr,group\nC1,010190-1234,CTI,\nC2,010190-1234,KR,,\nC3,010190-1234,KR,stray\n");

        var read = Inbox.Read(folder);

        var trailingHeader = Inbox.File(read.Files, "X/courses_b.csv");
        Assert.Equal((3, 2, 1), (trailingHeader.Rows, trailingHeader.Loaded, trailingHeader.Quarantined));
        Assert.Contains(trailingHeader.Errors, e => e.Row == 4 && e.Reason.Contains("a value in column 4, which has no name", StringComparison.Ordinal));
        var trailingRows = Inbox.File(read.Files, "X/courses_c.csv");
        Assert.Equal((3, 2, 1), (trailingRows.Rows, trailingRows.Loaded, trailingRows.Quarantined));
        Assert.Contains(trailingRows.Errors, e => e.Row == 4 && e.Reason.Contains("the row has 4 values but the header has 3 columns", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_QuarantinesAValueWithAControlCharacter()
    {
        // A bell character in a municipality broke every workbook written after it (not allowed in their XML).
        folder.Write("X/courses_b.csv", "course_id,cpr,group,municipality\nB1,010190-1234,CTI,Bell\u0007\nB2,010190-1234,KR,Odense\n");

        var report = Inbox.File(Inbox.Read(folder).Files, "X/courses_b.csv");

        Assert.Equal((2, 1, 1), (report.Rows, report.Loaded, report.Quarantined));
        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "municipality", "Bell\u2407"), (error.Row, error.Column, error.Value));
        Assert.Contains("control character (U+0007)", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("course_id,cpr,group,municipality\nB1,010190-1234,CTI,all\n", "X")]
    [InlineData("course_id,cpr,group\nB1,010190-1234,CTI\n", "ALL")]
    public void Read_QuarantinesAMunicipalityCalledAll_TheNameOfTheTotals(string content, string municipalityFolder)
    {
        folder.Write(municipalityFolder + "/courses_b.csv", content);

        var read = Inbox.Read(folder);

        var report = Inbox.File(read.Files, municipalityFolder + "/courses_b.csv");
        Assert.Equal((1, 0, 1), (report.Rows, report.Loaded, report.Quarantined));
        Assert.Contains("all municipalities together", Assert.Single(report.Errors).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(read.Data.Courses, c => c.CourseId == "B1");
    }

    [Fact]
    public void Read_ReportsAHiddenFileNamedLikeAnInput_AndPassesOverSystemFiles()
    {
        folder.Write("X/.courses_old.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("H1")}\n");
        folder.Write("X/.DS_Store", "\0\0\0\u0001Bud1");
        folder.Write("X/~$courses.xlsx", "lock");

        var read = Inbox.Read(folder);

        Inbox.AssertSiblingLoaded(read);
        Inbox.AssertUnreadable(Inbox.File(read.Files, "X/.courses_old.csv"), "a hidden file");
        Assert.DoesNotContain(read.Files, f => f.File.Contains("DS_Store", StringComparison.Ordinal) || f.File.Contains("~$", StringComparison.Ordinal));
        Assert.DoesNotContain(read.Data.Courses, c => c.CourseId == "H1");
    }

    [Fact]
    public void Read_QuarantinesARowWithoutAMunicipality_WhenTheFileIsNotInAMunicipalityFolder()
    {
        folder.Write("courses_b.csv", "course_id,cpr,group,municipality\nB1,010190-1234,CTI,\nB2,010190-1234,KR,Odense\n");

        var read = Inbox.Read(folder);

        Inbox.AssertSiblingLoaded(read);
        var report = Inbox.File(read.Files, "courses_b.csv");
        Assert.Equal((2, 1, 1), (report.Rows, report.Loaded, report.Quarantined));
        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "municipality"), (error.Row, error.Column));
        Assert.Contains("not in a municipality folder", error.Reason, StringComparison.Ordinal);
        Assert.Equal("Odense", read.Data.Courses.Single(c => c.CourseId == "B2").Municipality);
    }

    [Theory]
    [InlineData("#N/A")]
    [InlineData("#DIV/0!")]
    [InlineData("#REF!")]
    public void Read_QuarantinesAnExcelErrorCell_WithItsErrorText(string code)
    {
        RawWorkbook.Write(folder.Combine("X", "courses_b.xlsx"),
        [
            [RawWorkbook.Text("course_id"), RawWorkbook.Text("cpr"), RawWorkbook.Text("group"), RawWorkbook.Text("contact_start")],
            [RawWorkbook.Text("B1"), RawWorkbook.Text("010190-1234"), RawWorkbook.Text("CTI"), RawWorkbook.Error(code)],
            [RawWorkbook.Text("B2"), RawWorkbook.Text("020290-1234"), RawWorkbook.Text("KR"), RawWorkbook.Text("2024-01-01")],
        ]);

        var read = Inbox.Read(folder);

        Inbox.AssertSiblingLoaded(read);
        var report = Inbox.File(read.Files, "X/courses_b.xlsx");
        Assert.Equal((2, 1, 1), (report.Rows, report.Loaded, report.Quarantined));
        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "contact_start", code), (error.Row, error.Column, error.Value));
        Assert.Contains("Excel error cell", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(read.Data.Courses, c => c.CourseId == "B1");
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("01-01-1899")]
    [InlineData("9999-12-31")]
    public void Read_QuarantinesADateOutsideTheAcceptedYears(string date)
    {
        folder.Write("X/courses_b.csv", $"course_id,cpr,group,move_in_date\nB1,010190-1234,CTI,{date}\nB2,010190-1234,CTI,2024-01-01\n");

        var report = Inbox.File(Inbox.Read(folder).Files, "X/courses_b.csv");

        Assert.Equal((2, 1, 1), (report.Rows, report.Loaded, report.Quarantined));
        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "move_in_date", date), (error.Row, error.Column, error.Value));
        Assert.Contains("outside the accepted dates 1900-01-01 to 2100-12-31", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TakesTheConfiguredDateRange()
    {
        folder.Write("X/courses_b.csv", "course_id,cpr,group,move_in_date\nB1,010190-1234,CTI,2001-01-01\n");

        var report = Inbox.File(Inbox.Read(folder, new IngestOptions { EarliestDate = new DateOnly(2010, 1, 1) }).Files, "X/courses_b.csv");

        Assert.Contains("outside the accepted dates 2010-01-01", Assert.Single(report.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LoadsTenancyEndDates_UnderTheirDanishNames()
    {
        folder.Write("X/lejemaal.csv", "cpr,startdato,afslutning,afslutningsaarsag\n010190-1234,2024-01-01,2024-06-30,eviction\n020290-1234,2024-02-01,,\n");

        var read = Inbox.Read(folder);

        var report = Inbox.File(read.Files, "X/lejemaal.csv");
        Assert.Empty(report.Errors);
        Assert.Equal(2, report.Loaded);
        var ended = Assert.Single(read.Data.Tenancies, t => t.EndDate is not null);
        Assert.Equal(new DateOnly(2024, 6, 30), ended.EndDate);
        Assert.Equal(Evaluation.Domain.Values.TenancyEndReason.Eviction, ended.EndReason);
    }

    [Fact]
    public void Read_TakesKommuneAndMedarbejder_InEveryKind()
    {
        folder.Write("X/staff.csv", "medarbejder,kommune,fte,afslutning\nW9,Odense,0.5,2025-01-01\n");
        folder.Write("X/contacts.csv", "course_id,date,kind,medarbejder\nOK-1,2024-02-01,phone,W9\n");

        var read = Inbox.Read(folder);

        Assert.All(read.Files, f => Assert.Empty(f.Errors));
        var worker = Assert.Single(read.Data.Staff);
        Assert.Equal(("W9", "Odense", new DateOnly(2025, 1, 1)), (worker.WorkerId, worker.Municipality, worker.EndDate));
        Assert.Equal("W9", Assert.Single(read.Data.Contacts).WorkerId);
    }

    public void Dispose() => folder.Dispose();
}
