using Evaluation.TestSupport;
using static Evaluation.Ingest.Tests.RawWorkbook;

namespace Evaluation.Ingest.Tests.BadInput;

/// <summary>
/// Workbooks whose layout used to change what was read without a word: a hidden first sheet read
/// instead of the visible one, an empty first sheet, formulas without a stored result, merged
/// cells, a stray value far right of the header. Each is reported; the valid rows and the valid
/// sibling file still load.
/// </summary>
public sealed class WorkbookLayoutTests : IDisposable
{
    private static readonly RawCell[] Header = [Text("course_id"), Text("cpr"), Text("municipality"), Text("group"), Text("children")];

    private readonly TempFolder folder = new();

    public WorkbookLayoutTests() => Inbox.WriteSibling(folder);

    private static RawCell[] Course(string id, string municipality = "Aarhus") => [Text(id), Text("010190-1234"), Text(municipality), Text("CTI"), Number(1)];

    private (Evaluation.Domain.Courses.Dataset Data, FileReport Report) Read(string name = "X/courses_b.xlsx")
    {
        var read = Inbox.Read(folder);
        Inbox.AssertSiblingLoaded(read);
        return (read.Data, Inbox.File(read.Files, name));
    }

    [Fact]
    public void Read_ReadsTheFirstVisibleSheet_AndNamesTheHiddenSheetWithData()
    {
        Write(folder.Combine("X", "courses_b.xlsx"),
        [
            new RawSheet("Old", [Header, Course("OLD-1")], State: "hidden"),
            new RawSheet("Data", [Header, Course("B1"), Course("B2")]),
        ]);

        var (data, report) = Read();

        Assert.Equal((2, 2, 0), (report.Rows, report.Loaded, report.Quarantined));
        Assert.Contains(data.Courses, c => c.CourseId == "B1");
        Assert.DoesNotContain(data.Courses, c => c.CourseId == "OLD-1");
        var note = Assert.Single(report.Errors);
        Assert.Equal((1, null), (note.Row, note.Column));
        Assert.Contains("only the sheet \"Data\" was read (the first visible sheet)", note.Reason, StringComparison.Ordinal);
        Assert.Contains("the sheet \"Old\" (hidden) also holds data and was not read", note.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SkipsAVeryHiddenFirstSheet()
    {
        Write(folder.Combine("X", "courses_b.xlsx"),
        [
            new RawSheet("Macro", [[Text("x")]], State: "veryHidden"),
            new RawSheet("Data", [Header, Course("B1")]),
        ]);

        var (data, report) = Read();

        Assert.Equal((1, 1, 0), (report.Rows, report.Loaded, report.Quarantined));
        Assert.Contains(data.Courses, c => c.CourseId == "B1");
        Assert.Contains("\"Macro\" (hidden)", Assert.Single(report.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NamesOnlyTheOtherSheetsThatHoldData_WhenTheFirstSheetIsRead()
    {
        Write(folder.Combine("X", "courses_b.xlsx"),
        [
            new RawSheet("Data", [Header, Course("B1")]),
            new RawSheet("Empty", []),
            new RawSheet("Old", [Header, Course("OLD-1")]),
        ]);

        var (data, report) = Read();

        Assert.Equal((1, 1, 0), (report.Rows, report.Loaded, report.Quarantined));
        Assert.DoesNotContain(data.Courses, c => c.CourseId == "OLD-1");
        var note = Assert.Single(report.Errors);
        Assert.Equal(1, note.Row);
        Assert.Equal("only the sheet \"Data\" was read; the sheet \"Old\" also holds data and was not read", note.Reason);
    }

    [Fact]
    public void Read_AddsNoNote_WhenTheOtherSheetsAreEmpty()
    {
        Write(folder.Combine("X", "courses_b.xlsx"), [new RawSheet("Data", [Header, Course("B1")]), new RawSheet("Sheet2", [])]);

        var (_, report) = Read();

        Assert.Equal((1, 1, 0), (report.Rows, report.Loaded, report.Quarantined));
        Assert.Empty(report.Errors);
    }

    [Fact]
    public void Read_NamesADamagedSheetAsNotRead_AndStillReadsTheFirst()
    {
        Write(folder.Combine("X", "courses_b.xlsx"),
            [new RawSheet("Data", [Header, Course("B1")]), new RawSheet("Broken", [], Xml: "<worksheet><sheetData><row>")]);

        var (_, report) = Read();

        Assert.Equal((1, 1, 0), (report.Rows, report.Loaded, report.Quarantined));
        Assert.Contains("the sheet \"Broken\" also holds data and was not read", Assert.Single(report.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MasksACprNumberInTheNameOfASheetNotRead()
    {
        Write(folder.Combine("X", "courses_b.xlsx"), [new RawSheet("Data", [Header, Course("B1")]), new RawSheet("010190-1234", [Header, Course("B9")])]);

        var (_, report) = Read();

        Assert.Equal(1, report.Loaded);
        var note = Assert.Single(report.Errors);
        Assert.DoesNotContain("010190-1234", note.Reason, StringComparison.Ordinal);
        Assert.Contains("also holds data", note.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReportsTheFile_NamingTheSheetWithData_WhenTheFirstSheetIsEmpty()
    {
        Write(folder.Combine("X", "courses_b.xlsx"), [new RawSheet("Tom", []), new RawSheet("Data", [Header, Course("B1")])]);

        var (_, report) = Read();

        Inbox.AssertUnreadable(report, "the first sheet (\"Tom\") has no header in row 1");
        Assert.Contains("data is on the sheet \"Data\"", Assert.Single(report.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReportsTheFile_AsBefore_WhenNoSheetHoldsData()
    {
        Write(folder.Combine("X", "courses_b.xlsx"), [new RawSheet("Tom", []), new RawSheet("Sheet2", [])]);

        Inbox.AssertUnreadable(Read().Report, "the first sheet has no header in row 1");
    }

    [Fact]
    public void Read_QuarantinesAFormulaWithoutAStoredResult_AndLoadsOneWithIt()
    {
        Write(folder.Combine("X", "courses_b.xlsx"),
        [
            Header,
            [Text("B1"), Text("010190-1234"), Text("Aarhus"), Text("CTI"), Formula("1+2", result: "3")],
            [Text("B2"), Text("010190-1234"), Text("Aarhus"), Text("CTI"), Formula("1+2")],
        ]);

        var (data, report) = Read();

        Assert.Equal((2, 1, 1), (report.Rows, report.Loaded, report.Quarantined));
        Assert.Equal(3, Assert.Single(data.Courses, c => c.CourseId == "B1").Children);
        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "children", "=1+2"), (error.Row, error.Column, error.Value));
        Assert.Equal("a formula without a stored result: open the workbook in Excel and save it again", error.Reason);
    }

    [Fact]
    public void Read_QuarantinesTheCellsAMergeEmpties_NotItsTopLeftCell()
    {
        Write(folder.Combine("X", "courses_b.xlsx"),
        [
            Header,
            Course("B1", municipality: "Randers"),
            [Text("B2"), Text("020290-1234"), At("D", "CTI"), Number(1) with { Column = "E" }], // C3 lies under the merge
            Course("B3"),
        ],
        merges: ["C2:C3"]);

        var (data, report) = Read();

        Assert.Equal((3, 2, 1), (report.Rows, report.Loaded, report.Quarantined));
        Assert.Equal("Randers", Assert.Single(data.Courses, c => c.CourseId == "B1").Municipality);
        Assert.DoesNotContain(data.Courses, c => c.CourseId == "B2");
        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "municipality", null), (error.Row, error.Column, error.Value));
        Assert.Equal("part of the merged cell C2:C3: unmerge it and fill in every row", error.Reason);
    }

    [Fact]
    public void Read_AllowsAMergeWithinTheHeaderRow_AndOneOverBlankRows()
    {
        // "children" spans E1:F1; a merge left on rows 4-5 after their rows were cleared.
        Write(folder.Combine("X", "courses_b.xlsx"), [Header, Course("B1"), Course("B2"), [], []], merges: ["E1:F1", "A4:B5"]);

        var (_, report) = Read();

        Assert.Equal((2, 2, 0), (report.Rows, report.Loaded, report.Quarantined));
        Assert.Empty(report.Errors);
    }

    [Fact]
    public void Read_QuarantinesAValueFarRightOfTheHeader_NamingItsColumnLetter()
    {
        Write(folder.Combine("X", "courses_b.xlsx"),
        [
            Header,
            Course("B1"),
            [.. Course("B2"), At("ZZ", "hidden note")],
        ]);

        var (data, report) = Read();

        Assert.Equal((2, 1, 1), (report.Rows, report.Loaded, report.Quarantined));
        Assert.Contains(data.Courses, c => c.CourseId == "B1");
        var error = Assert.Single(report.Errors);
        Assert.Equal((3, null, "hidden note"), (error.Row, error.Column, error.Value));
        Assert.Equal("a value in column ZZ, which has no name in the header", error.Reason);
    }

    [Fact]
    public void Read_NamesAnUnnamedColumnOfAWorkbookByItsLetter()
    {
        Write(folder.Combine("X", "courses_b.xlsx"),
        [
            [Text("course_id"), Text("cpr"), Text(""), Text("group")],
            [Text("B1"), Text("010190-1234"), Text(""), Text("CTI")],
            [Text("B2"), Text("010190-1234"), Text("stray"), Text("CTI")],
        ]);

        var (_, report) = Read();

        Assert.Equal((2, 1, 1), (report.Rows, report.Loaded, report.Quarantined));
        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "stray", "a value in column C, which has no name in the header"), (error.Row, error.Value, error.Reason));
    }

    public void Dispose() => folder.Dispose();
}
