using Evaluation.Ingest.Parsing;
using Evaluation.TestSupport;

namespace Evaluation.Ingest.Tests.BadInput;

/// <summary>
/// CPR numbers never leave ingest in clear (issue 17): not as a column name of a file without a
/// header, not inside a longer bad value, not as an id, not in a file name.
/// </summary>
public sealed class CprTests : IDisposable
{
    private readonly TempFolder folder = new();

    public CprTests() => Inbox.WriteSibling(folder);

    private static void AssertNoCprIn(FileReport report, string digits)
    {
        var everything = string.Join("|", report.Errors.Select(e => $"{e.Column}|{e.Value}|{e.Reason}")) + report.File;
        Assert.DoesNotContain(digits, everything.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MasksTheCpr_WhenTheHeaderLineIsMissing()
    {
        folder.Write("X/courses_b.csv", "B1,030390-1234,Aarhus,CTI\nB2,040490-1234,Aarhus,KR\n");

        var read = Inbox.Read(folder);

        Inbox.AssertSiblingLoaded(read);
        var report = Inbox.File(read.Files, "X/courses_b.csv");
        AssertNoCprIn(report, "0303901234");
        Assert.Contains(report.Errors, e => e.Row == 1 && e.Column == "03*********");
        Assert.Contains(report.Errors, e => e.Row == 2 && e.Reason.Contains("is the header line missing?", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Row == 1 && e.Column is null && e.Reason.Contains("is the header line missing?", StringComparison.Ordinal));
        Assert.Equal(0, report.Loaded);
    }

    [Fact]
    public void Read_MasksACprInsideALongerBadValue()
    {
        folder.Write("X/courses_b.csv", "course_id,cpr,group\nB1,010190-1234,KR (cpr 030390-1234 tlf 12345678)\n");

        var report = Inbox.File(Inbox.Read(folder).Files, "X/courses_b.csv");

        var error = Assert.Single(report.Errors);
        Assert.Equal("KR (cpr 03********* tlf 12345678)", error.Value);
        AssertNoCprIn(report, "0303901234");
    }

    [Theory]
    [InlineData("courses_b.csv", "course_id,cpr,group\n030390-1234,010190-1234,CTI\n", "course_id")]
    [InlineData("courses_b.csv", "course_id,cpr,group,worker_id\nB1,010190-1234,CTI,0303901234\n", "worker_id")]
    [InlineData("shelter_stays.csv", "cpr,shelter_id,entry_date\n010190-1234,030390-1234,2024-01-01\n", "shelter_id")]
    [InlineData("staff.csv", "worker_id,fte\n030390-1234,1\n", "worker_id")]
    [InlineData("courses_b.csv", "course_id,cpr,group\n030390 1234,010190-1234,CTI\n", "course_id")]
    [InlineData("courses_b.csv", "course_id,cpr,group,worker_id\nB1,010190-1234,CTI,030390.1234\n", "worker_id")]
    [InlineData("courses_b.csv", "course_id,cpr,group\n030390\u20131234,010190-1234,CTI\n", "course_id")]
    [InlineData("shelter_stays.csv", "cpr,shelter_id,entry_date\n010190-1234,030390/1234,2024-01-01\n", "shelter_id")]
    public void Read_QuarantinesAnId_ThatIsACprNumber(string file, string content, string column)
    {
        folder.Write("X/" + file, content);

        var read = Inbox.Read(folder);

        Inbox.AssertSiblingLoaded(read);
        var report = Inbox.File(read.Files, "X/" + file);
        Assert.Equal((1, 0, 1), (report.Rows, report.Loaded, report.Quarantined));
        var error = Assert.Single(report.Errors);
        Assert.Equal(column, error.Column);
        Assert.StartsWith("03***", error.Value, StringComparison.Ordinal);
        Assert.Contains("looks like a CPR number", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuarantinesAFreeTextValue_HoldingACprNumber()
    {
        folder.Write("X/courses_b.csv", "course_id,cpr,group,municipality\nB1,010190-1234,CTI,Aarhus (borger 030390-1234)\nB2,010190-1234,CTI,Aarhus 123456-7890\n");

        var report = Inbox.File(Inbox.Read(folder).Files, "X/courses_b.csv");

        // 123456-7890 has the shape but no real birth date (month 34): no CPR number, and it loads (masked if ever reported).
        Assert.Equal((2, 1, 1), (report.Rows, report.Loaded, report.Quarantined));
        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "municipality", "Aarhus (borger 03*********)"), (error.Row, error.Column, error.Value));
    }

    [Fact]
    public void Read_MasksACprInAFileName()
    {
        folder.Write("X/courses_0303901234.csv", "course_id,cpr,group\nB1,010190-1234,CTI\n");

        var read = Inbox.Read(folder);

        Assert.Contains(read.Files, f => f.File == "X/courses_03********.csv");
    }

    [Theory]
    [InlineData("030390-1234", "03*********")]
    [InlineData("cpr 0303901234 og 040490-1234.", "cpr 03******** og 04*********.")]
    [InlineData("tlf 12345678", "tlf 12345678")]
    [InlineData("borger 030390 1234, 030390.1234 og 030390\u20131234", "borger 03*********, 03********* og 03*********")]
    public void Safe_MasksEveryCprShapedSubstring(string text, string expected)
    {
        Assert.Equal(expected, IngestError.Safe(text));
        Assert.Equal(expected, new IngestError(2, text, text, text).Reason);
    }

    [Fact]
    public void Read_QuarantinesANumericWorkbookId_ThatIsACprNumberWithoutItsLeadingZero()
    {
        // 0303901234 typed into a number cell is stored as 303901234.
        RawWorkbook.Write(folder.Combine("X", "courses_b.xlsx"),
        [
            [RawWorkbook.Text("course_id"), RawWorkbook.Text("cpr"), RawWorkbook.Text("group")],
            [RawWorkbook.Number(303901234), RawWorkbook.Text("010190-1234"), RawWorkbook.Text("CTI")],
            [RawWorkbook.Number(12345), RawWorkbook.Text("010190-1234"), RawWorkbook.Text("KR")],
        ]);

        var read = Inbox.Read(folder);

        Inbox.AssertSiblingLoaded(read);
        var report = Inbox.File(read.Files, "X/courses_b.xlsx");
        Assert.Equal((2, 1, 1), (report.Rows, report.Loaded, report.Quarantined));
        var error = Assert.Single(report.Errors);
        Assert.Equal(("course_id", "30*******"), (error.Column, error.Value));
        Assert.Contains(read.Data.Courses, c => c.CourseId == "12345");
        Assert.DoesNotContain(read.Data.Courses, c => c.CourseId.Contains("30390", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("030390-1234")]
    [InlineData("030390 1234")]
    public void Read_StoresNoMunicipality_FromAFolderNamedLikeACprNumber(string folderName)
    {
        folder.Write(folderName + "/courses_b.csv", "course_id,cpr,group\nB1,010190-1234,CTI\n");

        var read = Inbox.Read(folder);

        Inbox.AssertSiblingLoaded(read);
        var report = Assert.Single(read.Files, f => f.File.EndsWith("courses_b.csv", StringComparison.Ordinal));
        Assert.Equal("03*********/courses_b.csv", report.File);
        Assert.Equal((1, 0, 1), (report.Rows, report.Loaded, report.Quarantined));
        var error = Assert.Single(report.Errors);
        Assert.Equal(("municipality", "03*********"), (error.Column, error.Value));
        Assert.Contains("looks like a CPR number", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(read.Data.Courses, c => c.Municipality.Contains("0303", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("courses_030390 1234.csv", "X/courses_03*********.csv")]
    [InlineData("courses_030390.1234.csv", "X/courses_03*********.csv")]
    public void Read_MasksACprWithASpaceOrADotInAFileName(string name, string shown)
    {
        folder.Write("X/" + name, "course_id,cpr,group\nB1,010190-1234,CTI\n");

        var read = Inbox.Read(folder);

        Assert.Contains(read.Files, f => f.File == shown);
    }

    [Fact]
    public void Read_MasksACprWithASpace_InAColumnName()
    {
        folder.Write("X/courses_b.csv", "course_id,cpr,group,030390 1234\nB1,010190-1234,CTI,x\n");

        var report = Inbox.File(Inbox.Read(folder).Files, "X/courses_b.csv");

        Assert.Contains(report.Errors, e => e.Row == 1 && e.Column == "03*********");
        AssertNoCprIn(report, "0303901234");
        Assert.DoesNotContain(report.Errors, e => (e.Column + e.Reason).Contains("030390 1234", StringComparison.Ordinal));
    }

    public void Dispose() => folder.Dispose();
}
