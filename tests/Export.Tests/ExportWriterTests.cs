using Evaluation.TestSupport;

namespace Evaluation.Export.Tests;

public sealed class ExportWriterTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void WriteCsv_WritesNoTextThatASpreadsheetWouldRunAsAFormula_AndLeavesNumbersAlone()
    {
        var table = new ExportTable("courses", [new ExportColumn("municipality", ColumnType.Text, "Kommune", "Municipality", "-"), new ExportColumn("change", ColumnType.Double, "Ændring", "Change", "-")]);
        table.Rows.Add(["=HYPERLINK(\"http://x\",\"y\")", -1.5]);
        table.Rows.Add(["@SUM(A1)", 2.0]);
        table.Rows.Add(["+1+1", null]);
        table.Rows.Add(["-2+3", null]);
        table.Rows.Add(["Aalborg", 0.0]);

        var csv = CsvFile.Read(ExportWriter.WriteCsv(table, folder.Path));

        Assert.Equal(["'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(A1)", "'+1+1", "'-2+3", "Aalborg"], csv.Values("municipality"));
        Assert.Equal(["-1.5", "2", null, null, "0"], csv.Values("change"));
    }

    public void Dispose() => folder.Dispose();
}
