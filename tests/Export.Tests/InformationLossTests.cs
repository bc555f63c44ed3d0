using Evaluation.TestSupport;

namespace Evaluation.Export.Tests;

/// <summary>
/// What disclosure control costs on generated data (issue 18's bound). A row counts as suppressed
/// when the written course file has an empty quasi-identifier that neither the chosen level (a whole
/// column generalised to "suppressed", which the disclosure report states) nor a missing source value
/// explains, or when the row was dropped.
/// </summary>
public sealed class InformationLossTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Theory]
    [InlineData(400, 4)]
    [InlineData(2000, 2)]
    public async Task Export_SuppressesQuasiIdentifiersInAtMostTenPercentOfRows_WithKFive(int courses, int maxLoss)
    {
        var data = ResearchExportTests.Generate(folder.Combine("inbox"), courses);
        var summary = await ResearchExportTests.ExportAsync(data, folder.Combine("out"), 1);
        var csv = CsvFile.Read(folder.Combine("out", "courses.csv"));
        var whole = summary.Disclosure.Levels.Where(l => l.Name == "suppressed").Select(l => l.Column).ToHashSet();
        var keys = new ProjectKeys(Enumerable.Repeat((byte)1, 32).ToArray());
        var missingChildren = data.Courses.Where(c => c.Children is null).Select(c => keys.Course(c.CourseId)).ToHashSet();

        int suppressed = csv.Rows.Count(r => ResearchDataset.QuasiIdentifiers.Any(q =>
            r[csv.Column(q)] is null && !whole.Contains(q) && !(q == "children" && missingChildren.Contains(r[csv.Column("course")]!))));

        Assert.Equal(summary.Disclosure.RowsSuppressed, suppressed);
        Assert.True(suppressed + summary.Disclosure.RowsDropped <= courses / 10, $"{suppressed} suppressed, {summary.Disclosure.RowsDropped} dropped of {courses}");
        Assert.InRange(summary.Disclosure.Loss, 0, maxLoss);
        Assert.Equal(5, summary.Disclosure.AchievedK);
    }

    [Fact]
    public async Task Export_KeepsEveryQuasiIdentifierColumn_WhenThereAreEnoughCourses()
    {
        // 2,000 courses in four municipalities: 10-year age bands, municipalities and 0/1/2+ children all stay.
        var data = ResearchExportTests.Generate(folder.Combine("inbox"), 2000);
        var summary = await ResearchExportTests.ExportAsync(data, folder.Combine("out"), 1);

        Assert.DoesNotContain(summary.Disclosure.Levels, l => l.Name == "suppressed");
        Assert.Equal("10-year bands", summary.Disclosure.Levels.Single(l => l.Column == "age_band").Name);
        Assert.Equal("municipality", summary.Disclosure.Levels.Single(l => l.Column == "municipality").Name);
    }

    public void Dispose() => folder.Dispose();
}
