using ClosedXML.Excel;
using Evaluation.Analytics.Fidelity;
using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.People;
using Evaluation.Ingest;
using Evaluation.Reports.Discretion;
using Evaluation.SampleData;
using Evaluation.TestSupport;

namespace Evaluation.Reports.Tests.Discretion;

/// <summary>
/// Attacks the output of whole report runs (SPEC §7 rule 2): every workbook is read back with
/// ClosedXML, what it prints is the reader's knowledge, and the attacker tries to recover each
/// suppressed cell from sums and differences within and across workbooks, shares times their n and
/// means of whole-number scores. Runs on the four sample municipalities and on many small ones
/// (1–4 courses per group), where secondary suppression has most to do.
/// </summary>
public sealed class RunAttackTests
{
    [Theory]
    [InlineData(320, 4)]
    [InlineData(130, 25)]
    public void Run_PublishesNothingRecoverable_ReadBackFromTheWorkbooks(int courses, int municipalities)
    {
        using var folder = new TempFolder();
        var (input, written) = Write(folder, courses, municipalities);
        var engine = written.Discretion;
        var seen = ReadBack(written);

        var recovered = Attacker.Recovered(engine.Cells, engine.Relations, c => seen.GetValueOrDefault(c.Id, Seen.Nothing), engine.Threshold, engine.Sensitive);

        Assert.True(engine.Cells.Count(c => c.Mark != Mark.Shown) > 0, "the data should need discretion");
        Assert.Empty(engine.Unresolved.Select(c => c.Key));
        Assert.Empty(recovered.Select(c => c.Key));

        // The other side: the persons and courses per group in the whole evaluation are shown ...
        foreach (var key in new[] { "overview|ALL|CTI|courses", "overview|ALL|KR|courses", "overview|ALL|CTI|persons", "overview|ALL|KR|persons" })
        {
            var cell = engine.Find(key)!;
            Assert.Equal(cell.Value, seen[cell.Id].Value);
        }

        // ... no n is hidden beside a statistic that is shown, and no count of 1–4 is printed.
        foreach (var cell in engine.Cells.Where(c => seen.TryGetValue(c.Id, out var s) && s.Mark == Mark.Shown))
        {
            if (cell.Kind is CellKind.Statistic or CellKind.Share)
            {
                Assert.All(cell.ComputedOn, n => Assert.Equal(Mark.Shown, n.Mark));
            }

            if (cell.Kind == CellKind.Count)
            {
                Assert.False(seen[cell.Id].Value is >= 1 and < 5, $"{cell.Key} printed {seen[cell.Id].Value}");
            }
        }

        Assert.True(input.Outcomes.Change.Count > 0);
    }

    [Fact]
    public void OverviewTotals_DoNotGiveASmallMunicipalityAway_ByAnIndependentSum()
    {
        // Independent of the engine's relations: ALL minus every shown municipality, column by column.
        using var folder = new TempFolder();
        var (_, written) = Write(folder, 130, 25);
        var cross = written.Files.Single(f => Path.GetFileName(f).StartsWith("Alle_kommuner_rapport", StringComparison.Ordinal));
        using var workbook = new XLWorkbook(cross);
        var sheet = workbook.Worksheet("Oversigt");
        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Kommune");
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > header.RowNumber() && r.Cell(2).GetString().Length > 0).ToList();
        int columns = header.CellsUsed().Count();
        foreach (var group in rows.Select(r => r.Cell(2).GetString()).Distinct())
        {
            var mine = rows.Where(r => r.Cell(2).GetString() == group).ToList();
            var all = mine.Single(r => r.Cell(1).GetString() == "Alle kommuner");
            for (int c = 3; c <= columns; c++)
            {
                var hidden = mine.Where(r => r != all && r.Cell(c).DataType != XLDataType.Number).ToList();
                if (all.Cell(c).DataType == XLDataType.Number && hidden.Count == 1)
                {
                    Assert.Fail($"{group}, column {c}: one hidden municipality ({hidden[0].Cell(1).GetString()}) beside a shown total");
                }
            }
        }
    }

    private static (ReportInput Input, WrittenReports Written) Write(TempFolder folder, int courses, int municipalities)
    {
        var tables = new SampleGenerator(7, SampleGenerator.DefaultExtractionDate) { MunicipalityCount = municipalities }.Generate(courses);
        InboxWriter.Write(folder.Combine("inbox"), tables);
        var (data, files) = new FolderReader(new Pseudonymizer(new byte[32]), InstrumentSet.Default).Read(folder.Combine("inbox"));
        var quality = files.SelectMany(f => f.Errors.Where(e => e.Row > 1).GroupBy(e => e.Reason).Select(g => new QualityRow(f.File, f.Kind, g.Key, g.Count()))).ToList();
        var input = ReportInput.Compute(data, new DateOnly(2026, 10, 31), InstrumentSet.Default, new FidelityThresholds(), new OutcomeSettings { BootstrapResamples = 20 }, quality, "test");
        return (input, input.WriteWorkbooks(folder.Combine("out"), new Labels("da"), 5));
    }

    /// <summary>What the workbooks print for each registered cell: a number, "&lt;5", ".." or nothing.</summary>
    private static Dictionary<int, Seen> ReadBack(WrittenReports written)
    {
        var seen = new Dictionary<int, Seen>();
        foreach (var file in written.Locations.GroupBy(l => l.File))
        {
            using var workbook = new XLWorkbook(written.Files.Single(f => Path.GetFileName(f) == file.Key));
            foreach (var location in file)
            {
                var cell = workbook.Worksheet(location.Sheet).Cell(location.Address);
                var view = cell.DataType == XLDataType.Number ? new Seen(Mark.Shown, cell.GetDouble())
                    : cell.GetString() switch
                    {
                        "<5" => new Seen(Mark.Small, null),
                        ".." => new Seen(Mark.Hidden, null),
                        "< 0,001" => new Seen(Mark.Shown, 0),
                        _ => Seen.Nothing,
                    };
                if (seen.TryGetValue(location.CellId, out var before))
                {
                    Assert.Equal(before, view); // the same figure prints alike in every workbook
                }

                seen[location.CellId] = view;
            }
        }

        return seen;
    }
}
