using System.Text.RegularExpressions;
using Evaluation.Analytics.Fidelity;
using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.People;
using Evaluation.Ingest;
using Evaluation.SampleData;
using Evaluation.TestSupport;
using Parquet;
using Parquet.Schema;

namespace Evaluation.Export.Tests;

/// <summary>Exports of 300 synthetic courses, read back file by file.</summary>
public sealed partial class ResearchExportTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 10, 31);
    private readonly TempFolder folder = new();
    private readonly Dataset data;
    private readonly HashSet<string> cprs;

    public ResearchExportTests()
    {
        InboxWriter.Write(folder.Combine("inbox"), new SampleGenerator(1, SampleGenerator.DefaultExtractionDate).Generate(300), xlsx: false);
        data = new FolderReader(new Pseudonymizer(new byte[32]), InstrumentSet.Default).Read(folder.Combine("inbox")).Data;
        cprs = Directory.GetFiles(folder.Combine("inbox"), "*.csv", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f, System.Text.Encoding.Latin1))
            .SelectMany(l => CprPattern().Matches(l).Select(m => m.Value))
            .ToHashSet();
    }

    private Task<ExportSummary> ExportAsync(string project, byte key, DateMode dates = DateMode.Shift, int k = 5) =>
        ResearchExport.WriteAsync(data, InstrumentSet.Default, new FidelityThresholds(), new OutcomeSettings(), new ProjectKeys(Enumerable.Repeat(key, 32).ToArray()),
            new ExportRequest(project, "test", AsOf, folder.Combine(project + dates), ["csv", "parquet"], k, dates), CancellationToken.None);

    [Fact]
    public async Task NoOutputFile_HoldsACprNumberOrABirthDate()
    {
        var summary = await ExportAsync("p", 1);
        var birthDates = data.Courses.Select(c => c.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

        Assert.NotEmpty(cprs);
        foreach (var file in summary.Files.Where(f => !f.EndsWith(".parquet", StringComparison.Ordinal)))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotMatch(@"\b\d{6}-?\d{4}\b", text);
            Assert.DoesNotContain(cprs, text.Contains);
            Assert.DoesNotContain(birthDates, d => text.Contains(d, StringComparison.Ordinal));
            Assert.DoesNotMatch(@"\b(AAL|KBH|ODE|RAN)-(CTI|KR)\d", text); // no worker ids
        }
    }

    [Fact]
    public async Task Pseudonyms_AreStableAcrossExports_AndDifferAcrossProjects()
    {
        await ExportAsync("a", 1);
        await ExportAsync("a2", 1);
        await ExportAsync("b", 2);
        HashSet<string> Pseudonyms(string project) => File.ReadLines(folder.Combine(project + DateMode.Shift, "courses.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();

        Assert.Equal(Pseudonyms("a"), Pseudonyms("a2"));
        Assert.Empty(Pseudonyms("a").Intersect(Pseudonyms("b")));
    }

    [Fact]
    public async Task EveryQuasiIdentifierCombination_HasAtLeastKRows()
    {
        await ExportAsync("k", 1, k: 5);
        var rows = File.ReadLines(folder.Combine("k" + DateMode.Shift, "courses.csv")).Skip(1).Select(l => l.Split(',')).ToList();

        var classes = rows.GroupBy(r => string.Join("|", r[2], r[3], r[4], r[5]));

        Assert.All(classes, c => Assert.True(c.Count() >= 5, $"{c.Key}: {c.Count()}"));
    }

    [Fact]
    public async Task ContactStart_IsShiftedByThePersonsOffset_OrCoarsenedToMonth()
    {
        var keys = new ProjectKeys(Enumerable.Repeat((byte)1, 32).ToArray());
        await ExportAsync("s", 1, DateMode.Shift);
        await ExportAsync("s", 1, DateMode.Month);
        var shifted = File.ReadLines(folder.Combine("s" + DateMode.Shift, "courses.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[1], r => r[6]);
        var months = File.ReadLines(folder.Combine("s" + DateMode.Month, "courses.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[1], r => r[6]);

        foreach (var course in data.Courses.Where(c => c.ContactStart <= AsOf))
        {
            var pseudonym = keys.Course(course.CourseId);
            if (!shifted.TryGetValue(pseudonym, out var date))
            {
                continue; // dropped by k-anonymity
            }

            Assert.Equal(course.ContactStart!.Value.AddDays(keys.DateShift(course.PersonKey)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), date);
            Assert.Equal(course.ContactStart!.Value.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), months[pseudonym]);
        }
    }

    [Fact]
    public async Task Parquet_ReadsBack_WithColumnTypes()
    {
        var summary = await ExportAsync("q", 1);
        await using var stream = File.OpenRead(summary.Files.Single(f => f.EndsWith("courses.parquet", StringComparison.Ordinal)));
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name);

        Assert.Equal(typeof(int), fields["phase1_days"].ClrType);
        Assert.Equal(typeof(double), fields["fidelity"].ClrType);
        using var group = reader.OpenRowGroupReader(0);
        var days = new int?[summary.CourseRows];
        await group.ReadAsync<int>(fields["course_days"], days.AsMemory());
        Assert.Contains(days, d => d > 0);
        Assert.Equal(summary.CourseRows, (int)group.RowCount);
        var pseudonyms = new string?[summary.CourseRows];
        await group.ReadAsync(fields["pseudonym"], pseudonyms.AsMemory());
        Assert.All(pseudonyms, p => Assert.Matches("^[0-9a-f]{32}$", p!));
    }

    [Fact]
    public async Task WaveFile_HoldsOnlyExportedCourses_AndTheCodebookEveryVariable()
    {
        var summary = await ExportAsync("w", 1);
        var courses = File.ReadLines(folder.Combine("w" + DateMode.Shift, "courses.csv")).Skip(1).Select(l => l.Split(',')[1]).ToHashSet();
        var waveHeader = File.ReadLines(folder.Combine("w" + DateMode.Shift, "waves.csv")).First().Split(',');
        var waveCourses = File.ReadLines(folder.Combine("w" + DateMode.Shift, "waves.csv")).Skip(1).Select(l => l.Split(',')[1]).ToHashSet();
        var codebook = File.ReadLines(folder.Combine("w" + DateMode.Shift, "codebook.csv")).Skip(1).Select(l => l.Split(',')[1]).ToHashSet();

        Assert.Subset(courses, waveCourses);
        Assert.Subset(codebook, waveHeader.ToHashSet());
        Assert.Contains("lonely3", waveHeader);
        Assert.Contains("achieved k", (await File.ReadAllTextAsync(folder.Combine("w" + DateMode.Shift, "disclosure_report.md"))).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Equal(summary.WaveRows, waveCourses.Count == 0 ? 0 : File.ReadLines(folder.Combine("w" + DateMode.Shift, "waves.csv")).Count() - 1);
    }

    public void Dispose() => folder.Dispose();

    [GeneratedRegex(@"\b\d{6}-\d{4}\b")]
    private static partial Regex CprPattern();
}
