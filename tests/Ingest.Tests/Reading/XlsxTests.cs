using ClosedXML.Excel;
using Evaluation.TestSupport;

namespace Evaluation.Ingest.Tests.Reading;

public sealed class XlsxTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void FirstSheet_WithExcelDateCells_NumericCprAndNumbers_IsRead()
    {
        Directory.CreateDirectory(folder.Combine("Odense"));
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Forløb");
            string[] header = ["course_id", "cpr", "group", "contact_start", "children"];
            for (int i = 0; i < header.Length; i++)
            {
                sheet.Cell(1, i + 1).SetValue(header[i]);
            }

            sheet.Cell(2, 1).SetValue("O-1");
            sheet.Cell(2, 2).SetValue(101901234); // 0101901234 typed as a number: the leading zero is lost
            sheet.Cell(2, 3).SetValue("CTI");
            sheet.Cell(2, 4).SetValue(new DateTime(2024, 3, 5));
            sheet.Cell(2, 5).SetValue(2);
            workbook.AddWorksheet("Ignored").Cell(1, 1).SetValue("not read");
            workbook.SaveAs(folder.Combine("Odense", "courses.xlsx"));
        }

        var (data, files) = Inbox.Read(folder);

        var course = Assert.Single(data.Courses);

        // The second sheet is not read, and the report says so (row 1, nothing quarantined).
        var note = Assert.Single(files.Single().Errors);
        Assert.Equal((1, "only the sheet \"Forløb\" was read; the sheet \"Ignored\" also holds data and was not read"), (note.Row, note.Reason));
        Assert.Equal(0, files.Single().Quarantined);
        Assert.Equal(new DateOnly(1990, 1, 1), course.BirthDate);
        Assert.Equal(new DateOnly(2024, 3, 5), course.ContactStart);
        Assert.Equal(2, course.Children);
        Assert.Equal("Odense", course.Municipality);
    }

    [Fact]
    public void BadXlsxValues_AreQuarantined_WithSheetRowNumbers()
    {
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Data");
            sheet.Cell(1, 1).SetValue("course_id");
            sheet.Cell(1, 2).SetValue("cpr");
            sheet.Cell(1, 3).SetValue("group");
            sheet.Cell(2, 1).SetValue("O-1");
            sheet.Cell(2, 2).SetValue("010190-1234");
            sheet.Cell(2, 3).SetValue("CTI");
            sheet.Cell(3, 1).SetValue("O-2");
            sheet.Cell(3, 2).SetValue("010190-1234");
            sheet.Cell(3, 3).SetValue("CTX");
            Directory.CreateDirectory(folder.Combine("O"));
            workbook.SaveAs(folder.Combine("O", "courses.xlsx"));
        }

        var file = Inbox.Read(folder).Files.Single();

        var error = Assert.Single(file.Errors);
        Assert.Equal((3, "group", "CTX"), (error.Row, error.Column, error.Value));
    }

    public void Dispose() => folder.Dispose();
}
