using Evaluation.TestSupport;

namespace Evaluation.Ingest.Tests.BadInput;

/// <summary>
/// Files that cannot be read as a table (issue 17, "one unreadable file stops the whole run"): each is a
/// file-level error with a reason a clerk understands, and the valid sibling file still loads.
/// </summary>
public sealed class UnreadableFileTests : IDisposable
{
    private readonly TempFolder folder = new();

    public UnreadableFileTests() => Inbox.WriteSibling(folder);

    private FileReport ReadBad(string name, IngestOptions? options = null)
    {
        var read = Inbox.Read(folder, options);
        Inbox.AssertSiblingLoaded(read);
        return Inbox.File(read.Files, name);
    }

    [Fact]
    public void Read_ReportsTheFile_WhenCsvTextIsNamedXlsx()
    {
        folder.Write("X/courses_b.xlsx", $"{Inbox.CoursesHeader}\n{Inbox.Course("B")}\n");

        Inbox.AssertUnreadable(ReadBad("X/courses_b.xlsx"), "the file holds text (a CSV file named .xlsx?)");
    }

    [Fact]
    public void Read_ReportsTheFile_WhenAnEncryptedOrOldXlsIsNamedXlsx()
    {
        var path = folder.Combine("X", "courses_b.xlsx");
        File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]]);

        Inbox.AssertUnreadable(ReadBad("X/courses_b.xlsx"), "encrypted (password-protected) workbook or an old .xls");
    }

    [Fact]
    public void Read_ReportsTheFile_WhenTheWorkbookIsTruncated()
    {
        var path = folder.Combine("X", "courses_b.xlsx");
        RawWorkbook.Write(path, ["course_id", "cpr", "group"], ["B", "010190-1234", "CTI"]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Inbox.AssertUnreadable(ReadBad("X/courses_b.xlsx"), "the workbook is damaged or incomplete");
    }

    [Fact]
    public void Read_ReportsTheFile_WhenTheSheetXmlHasADtd()
    {
        RawWorkbook.Write(folder.Combine("X", "courses_b.xlsx"),
            [[RawWorkbook.Text("course_id"), RawWorkbook.Text("cpr"), RawWorkbook.Text("group")], [RawWorkbook.Text("B"), RawWorkbook.Text("010190-1234"), RawWorkbook.Text("CTI")]],
            prolog: """<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>""");

        Inbox.AssertUnreadable(ReadBad("X/courses_b.xlsx"), "document type definition (<!DOCTYPE>)");
    }

    [Fact]
    public void Read_ReportsTheFile_WhenTheWorkbookUnpacksBeyondTheLimit()
    {
        RawWorkbook.Write(folder.Combine("X", "courses_b.xlsx"),
            [[RawWorkbook.Text("course_id"), RawWorkbook.Text("cpr"), RawWorkbook.Text("group")]],
            padding: ("xl/sharedStrings.xml", 3L * 1024 * 1024));
        Assert.True(new FileInfo(folder.Combine("X", "courses_b.xlsx")).Length < 100_000); // a small file ...

        // ... that unpacks to 3 MB, over a 2 MB limit.
        Inbox.AssertUnreadable(ReadBad("X/courses_b.xlsx", new IngestOptions { MaxWorkbookBytes = 2L * 1024 * 1024 }), "unpacks to more than 2 MB");
    }

    [Fact]
    public void Read_ReportsTheLineWhereItStarts_WhenAQuoteNeverCloses()
    {
        folder.Write("X/courses_b.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("B1")}\n\"B2,010190-1234,Aarhus,CTI\n{Inbox.Course("B3")}\n");

        var report = ReadBad("X/courses_b.csv");

        Inbox.AssertUnreadable(report, "a quote opened in row 3 never closes");
        Assert.Equal(1, report.Rows); // the one row read before it, quarantined with the file
    }

    [Fact]
    public void Read_ReportsTheRightRow_WhenALineIsLongerThanTheLimit()
    {
        folder.Write("X/courses_b.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("B1")}\n\"multi\nline\",010190-1234,X,CTI,,,,,,,,,,\n{new string('x', 3 << 20)},1\n{Inbox.Course("B4")}\n");

        // The long line is the 5th: the quoted line break before it counts.
        Inbox.AssertUnreadable(ReadBad("X/courses_b.csv"), "row 5 is longer than 1048576 characters");
    }

    [Fact]
    public void Read_ReportsRowTwo_WhenTheFirstDataLineIsLongerThanTheLimit()
    {
        folder.Write("X/courses_b.csv", $"{Inbox.CoursesHeader}\n{new string('x', 5000)},1\n{Inbox.Course("B3")}\n");

        Inbox.AssertUnreadable(ReadBad("X/courses_b.csv", new IngestOptions { MaxLineLength = 1000 }), "row 2 is longer than 1000 characters");
    }

    [Fact]
    public void Read_AppliesTheConfiguredLineLimit()
    {
        folder.Write("X/courses_b.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("B1")}\n{new string('x', 5000)},1\n");

        Inbox.AssertUnreadable(ReadBad("X/courses_b.csv", new IngestOptions { MaxLineLength = 1000 }), "row 3 is longer than 1000 characters");
    }

    [Fact]
    public void Read_ReportsTheFile_WhenItIsEmpty()
    {
        folder.Write("X/courses_b.csv", "");

        Inbox.AssertUnreadable(ReadBad("X/courses_b.csv"), "the file is empty (0 bytes)");
    }

    [Fact]
    public void Read_ReportsTheFile_WhenItHoldsOnlyAByteOrderMark()
    {
        File.WriteAllBytes(folder.Combine("X", "courses_b.csv"), [0xEF, 0xBB, 0xBF]);

        Inbox.AssertUnreadable(ReadBad("X/courses_b.csv"), "only a byte-order mark");
    }

    [Fact]
    public void Read_ReportsTheFile_WhenAWorkbookIsNamedCsv()
    {
        RawWorkbook.Write(folder.Combine("X", "courses_b.csv"), ["course_id", "cpr", "group"], ["B", "010190-1234", "CTI"]);

        Inbox.AssertUnreadable(ReadBad("X/courses_b.csv"), "an Excel workbook (or another zip file) named .csv");
    }

    [Fact]
    public void Read_ReportsTheFile_WhenTheHeaderHasMoreColumnsThanTheLimit()
    {
        folder.Write("X/courses_b.csv", string.Join(',', Enumerable.Range(0, 20).Select(i => $"c{i}")) + "\n");

        Inbox.AssertUnreadable(ReadBad("X/courses_b.csv", new IngestOptions { MaxColumns = 15 }), "the header has 20 columns, more than the limit of 15");
    }

    [Fact]
    public void Read_QuarantinesTheRow_WhenACellIsLongerThanTheLimit()
    {
        folder.Write("X/courses_b.csv", $"course_id,cpr,group\nB1,010190-1234,CTI\n{new string('b', 100)},010190-1234,CTI\n");

        var report = ReadBad("X/courses_b.csv", new IngestOptions { MaxCellLength = 50 });

        Assert.Equal((2, 1, 1), (report.Rows, report.Loaded, report.Quarantined));
        Assert.Contains(report.Errors, e => e.Row == 3 && e.Column == "course_id" && e.Reason.Contains("longer than 50 characters", StringComparison.Ordinal));
    }

    public void Dispose() => folder.Dispose();
}
