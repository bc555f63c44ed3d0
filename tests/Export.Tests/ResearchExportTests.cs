using System.Globalization;
using System.Text.RegularExpressions;
using Evaluation.Analytics.Fidelity;
using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.People;
using Evaluation.Ingest;
using Evaluation.SampleData;
using Evaluation.TestSupport;
using Parquet.Meta;
using PqType = Parquet.Meta.Type;

namespace Evaluation.Export.Tests;

/// <summary>Exports of 300 synthetic courses, read back file by file as a researcher's tools would.</summary>
public sealed partial class ResearchExportTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 10, 31);
    private readonly TempFolder folder = new();
    private readonly Dataset data;
    private readonly HashSet<string> cprs;

    public ResearchExportTests()
    {
        data = Generate(folder.Combine("inbox"), 300);
        cprs = Directory.GetFiles(folder.Combine("inbox"), "*.csv", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f, System.Text.Encoding.Latin1))
            .SelectMany(l => CprPattern().Matches(l).Select(m => m.Value))
            .ToHashSet();
    }

    internal static Dataset Generate(string inbox, int courses)
    {
        InboxWriter.Write(inbox, new SampleGenerator(1, SampleGenerator.DefaultExtractionDate).Generate(courses), xlsx: false);
        return new FolderReader(new Pseudonymizer(new byte[32]), InstrumentSet.Default).Read(inbox).Data;
    }

    internal static Task<ExportSummary> ExportAsync(Dataset data, string folder, byte key, DateMode dates = DateMode.Shift, int k = 5) =>
        ResearchExport.WriteAsync(data, InstrumentSet.Default, new FidelityThresholds(), new OutcomeSettings(), new ProjectKeys(Enumerable.Repeat(key, 32).ToArray()),
            new ExportRequest("p", "test", AsOf, folder, ["csv", "parquet"], k, dates), CancellationToken.None);

    private Task<ExportSummary> ExportAsync(string project, byte key, DateMode dates = DateMode.Shift, int k = 5) =>
        ExportAsync(data, Folder(project, dates), key, dates, k);

    private string Folder(string project, DateMode dates = DateMode.Shift) => folder.Combine(project + dates);

    private CsvFile Csv(string project, string file, DateMode dates = DateMode.Shift) => CsvFile.Read(Path.Combine(Folder(project, dates), file + ".csv"));

    private Task<ParquetFile> ReadParquet(string project, string file) => ParquetFile.ReadAsync(Path.Combine(Folder(project), file + ".parquet"));

    [Fact]
    public async Task WriteAsync_WritesNoCprNumberOrBirthDate_InAnyTextFile()
    {
        var summary = await ExportAsync("p", 1);
        var birthDates = data.Courses.Select(c => c.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();

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
        HashSet<string> Pseudonyms(string project) => Csv(project, "courses").Values("pseudonym").OfType<string>().ToHashSet();

        Assert.NotEmpty(Pseudonyms("a"));
        Assert.Equal(Pseudonyms("a"), Pseudonyms("a2"));
        Assert.Empty(Pseudonyms("a").Intersect(Pseudonyms("b")));
    }

    [Fact]
    public async Task Columns_HaveNoNameTwice_InEitherFileOrFormat()
    {
        await ExportAsync("n", 1);

        foreach (var file in new[] { "courses", "waves" })
        {
            var csv = Csv("n", file).Header;
            var parquet = (await ReadParquet("n", file)).Names;
            Assert.Equal(csv.Count, csv.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Equal(csv, parquet);
        }
    }

    [Fact]
    public async Task WaveFile_HoldsEveryScoreAndItem_WithinItsRange()
    {
        await ExportAsync("s", 1);
        var csv = Csv("s", "waves");
        var parquet = await ReadParquet("s", "waves");

        foreach (var instrument in InstrumentSet.Default.All)
        {
            var column = ResearchDataset.ScoreColumn(instrument);
            var (min, max) = ResearchDataset.ScoreRange(instrument);
            var scores = parquet.Columns[column].OfType<double>().ToList();
            Assert.Contains(column, csv.Header);
            Assert.NotEmpty(scores);
            Assert.All(scores, s => Assert.InRange(s, min, max));
            Assert.Equal(scores, csv.Values(column).OfType<string>().Select(v => double.Parse(v, CultureInfo.InvariantCulture)));
            foreach (var item in instrument.Items)
            {
                Assert.All(parquet.Columns[item].OfType<int>(), v => Assert.InRange(v, instrument.ResponseMin, instrument.ResponseMax));
            }
        }

        // WHO-5 is sum × 4 (0–100), beside its item who5 (0–5): both there, neither hiding the other.
        var who5 = InstrumentSet.Default.All.Single(i => i.Code == "WHO5");
        Assert.Equal((0, 100), ResearchDataset.ScoreRange(who5));
        Assert.Contains(parquet.Columns["who5_score"].OfType<double>(), s => s > 25);
        Assert.All(parquet.Columns["who5_score"].OfType<double>(), s => Assert.Equal(0, s % 4));
        Assert.All(parquet.Columns["who5"].OfType<int>(), v => Assert.InRange(v, 0, 5));
        Assert.Contains(parquet.Columns["who5"], v => v is not null);
    }

    [Fact]
    public async Task Parquet_TypesEveryColumn_DatesAsDate_CountsAsInt32_ScoresAsDouble_CodesAsString()
    {
        var summary = await ExportAsync("q", 1);
        var courses = await ReadParquet("q", "courses");
        var waves = await ReadParquet("q", "waves");

        var start = courses.Element("contact_start");
        Assert.Equal(PqType.INT32, start.Type);
        Assert.NotNull(start.LogicalType?.DATE);
        Assert.All(courses.Columns["contact_start"], d => Assert.IsType<DateOnly>(d));
        foreach (var (name, element) in new[] { ("phase1_days", courses.Element("phase1_days")), ("housing_lost", courses.Element("housing_lost")), ("who1", waves.Element("who1")), ("days_since_start", waves.Element("days_since_start")) })
        {
            Assert.True(element.Type == PqType.INT32, name);
            Assert.True(element.LogicalType?.INTEGER is null or { BitWidth: 32, IsSigned: true }, name);
        }

        Assert.Equal(PqType.DOUBLE, courses.Element("fidelity").Type);
        Assert.Equal(PqType.DOUBLE, waves.Element("who5_score").Type);
        foreach (var name in new[] { "pseudonym", "age_band", "municipality", "children", "group", "end_reason" })
        {
            Assert.Equal(PqType.BYTE_ARRAY, courses.Element(name).Type);
            Assert.NotNull(courses.Element(name).LogicalType?.STRING);
        }

        Assert.Equal(summary.CourseRows, courses.RowCount);
        Assert.All(courses.Columns["pseudonym"], p => Assert.Matches("^[0-9a-f]{32}$", (string)p!));
        Assert.Contains(courses.Columns["course_days"], d => d is int and > 0);
    }

    [Fact]
    public async Task Parquet_HoldsTheSameValuesAsTheCsv()
    {
        await ExportAsync("v", 1);

        foreach (var file in new[] { "courses", "waves" })
        {
            var csv = Csv("v", file);
            var parquet = await ReadParquet("v", file);
            Assert.Equal(csv.Rows.Count, parquet.RowCount);
            foreach (var name in csv.Header)
            {
                var text = parquet.Columns[name].Select(v => v switch
                {
                    null => null,
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => v.ToString(),
                });
                Assert.Equal(csv.Values(name), text);
            }
        }
    }

    [Fact]
    public async Task Codebook_DescribesEveryColumn_OneToOne_InBothLanguages()
    {
        await ExportAsync("c", 1);
        var codebook = Csv("c", "codebook");

        foreach (var file in new[] { "courses", "waves" })
        {
            var entries = codebook.Rows.Where(r => r[0] == file).ToList();
            var parquet = await ReadParquet("c", file);
            Assert.Equal(Csv("c", file).Header, entries.Select(e => e[1]));
            foreach (var entry in entries)
            {
                var element = parquet.Element(entry[1]!);
                string expected = element.LogicalType?.DATE is not null ? "date" : element.Type switch
                {
                    PqType.INT32 => "int32",
                    PqType.DOUBLE => "double",
                    _ => "string",
                };
                Assert.Equal(expected, entry[codebook.Column("type")]);
                Assert.False(string.IsNullOrWhiteSpace(entry[codebook.Column("label_da")]), entry[1]);
                Assert.False(string.IsNullOrWhiteSpace(entry[codebook.Column("label_en")]), entry[1]);
                Assert.False(string.IsNullOrWhiteSpace(entry[codebook.Column("missing")]), entry[1]);
            }
        }

        var who5 = codebook.Rows.Single(r => r[1] == "who5_score");
        Assert.Equal("0–100", who5[codebook.Column("range")]);
        Assert.Contains("× 4", who5[codebook.Column("unit")], StringComparison.Ordinal);
        Assert.Equal("Trivsel (WHO-5): score", who5[codebook.Column("label_da")]);
        Assert.Equal("3–9", codebook.Rows.Single(r => r[1] == "lonely3_score")[codebook.Column("range")]);
        Assert.Contains("no children", codebook.Rows.Single(r => r[1] == "parent_score")[codebook.Column("missing")], StringComparison.Ordinal);

        // What missing means is said per variable, not one sentence for all.
        Assert.True(codebook.Rows.Select(r => r[codebook.Column("missing")]).Distinct().Count() >= 15);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(3)]
    [InlineData(10)]
    public async Task CourseFile_ReachesK_OnEveryQuasiIdentifierCombination(int k)
    {
        // Counted in the written file. A locally suppressed row (qi_suppressed = 1) has its age band,
        // municipality and children as "*", a value of its own; a missing value is empty.
        var summary = await ExportAsync("k" + k, 1, k: k);
        var csv = Csv("k" + k, "courses");
        var flag = csv.Column(KAnonymity.SuppressedFlag);

        var classes = csv.Rows.CountBy(r => string.Join("|", ResearchDataset.QuasiIdentifiers.Select(q => r[flag] == "1" && q != "group" ? "*" : r[csv.Column(q)] ?? ""))).ToList();

        Assert.All(classes, c => Assert.True(c.Value >= k, $"{c.Key}: {c.Value}"));
        Assert.Equal(classes.Min(c => c.Value), summary.Disclosure.AchievedK);
        Assert.True(summary.Disclosure.WithinSuppressionLimit);
        Assert.InRange(summary.Disclosure.RowsSuppressed, 0, summary.CourseRows / 20);
        Assert.Equal(summary.Disclosure.RowsSuppressed, csv.Values(KAnonymity.SuppressedFlag).Count(v => v == "1"));
    }

    [Fact]
    public async Task DisclosureReport_GivesLevelsSuppressionAndSmallestClass()
    {
        var summary = await ExportAsync("d", 1);
        var report = await File.ReadAllTextAsync(Path.Combine(Folder("d"), "disclosure_report.md"));

        foreach (var level in summary.Disclosure.Levels)
        {
            Assert.Contains($"| {level.Column} | {level.Name} | {level.Height} |", report, StringComparison.Ordinal);
        }

        Assert.Contains($"Achieved k (smallest class in courses, a locally suppressed value counted as a value of its own): {summary.Disclosure.AchievedK}", report, StringComparison.Ordinal);
        Assert.Contains($"Rows locally suppressed (age band, municipality and children emptied, qi_suppressed = 1): {summary.Disclosure.RowsSuppressed} of", report, StringComparison.Ordinal);
        Assert.Contains("Cells suppressed in those rows: age_band ", report, StringComparison.Ordinal);

        // The four sample municipalities lie in four regions: the region level merges nothing and is never a step.
        Assert.Contains("municipality → region (4 values)", report, StringComparison.Ordinal);
        Assert.DoesNotContain(Csv("d", "courses").Values("municipality"), m => m?.StartsWith("Region", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ContactStart_IsShiftedByThePersonsOffset_OrTheFirstOfItsMonth()
    {
        var keys = new ProjectKeys(Enumerable.Repeat((byte)1, 32).ToArray());
        await ExportAsync("t", 1, DateMode.Shift);
        await ExportAsync("t", 1, DateMode.Month);
        var shiftedCsv = Csv("t", "courses");
        var monthCsv = Csv("t", "courses", DateMode.Month);
        var shifted = shiftedCsv.Rows.ToDictionary(r => r[1]!, r => r[shiftedCsv.Column("contact_start")]);
        var months = monthCsv.Rows.ToDictionary(r => r[1]!, r => r[monthCsv.Column("contact_start")]);

        int compared = 0;
        foreach (var course in data.Courses.Where(c => c.ContactStart <= AsOf))
        {
            var pseudonym = keys.Course(course.CourseId);
            var start = course.ContactStart!.Value;
            Assert.Equal(start.AddDays(keys.DateShift(course.PersonKey)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), shifted[pseudonym]);
            Assert.Equal(new DateOnly(start.Year, start.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), months[pseudonym]);
            compared++;
        }

        Assert.Equal(shifted.Count, compared);
    }

    [Fact]
    public async Task WaveFile_HoldsOnlyExportedCourses()
    {
        var summary = await ExportAsync("w", 1);
        var courses = Csv("w", "courses").Values("course").ToHashSet();
        var waves = Csv("w", "waves");

        Assert.Subset(courses, waves.Values("course").ToHashSet());
        Assert.Equal(summary.WaveRows, waves.Rows.Count);
        Assert.True(waves.Rows.Count > summary.CourseRows);
    }

    public void Dispose() => folder.Dispose();

    [GeneratedRegex(@"\b\d{6}-\d{4}\b")]
    private static partial Regex CprPattern();
}
