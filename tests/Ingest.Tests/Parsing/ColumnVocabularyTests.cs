using Evaluation.Ingest.Parsing;
using Evaluation.TestSupport;

namespace Evaluation.Ingest.Tests.Parsing;

/// <summary>The column vocabulary as data (SPEC §2): shipped default, extension by configuration, ignored columns, suggestions.</summary>
public sealed class ColumnVocabularyTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly TempFolder configuration = new();

    [Theory]
    [InlineData("afslutning", "end_date")]
    [InlineData("SLUTDATO", "end_date")]
    [InlineData("afslutningsaarsag", "end_reason")]
    [InlineData("kommune", "municipality")]
    [InlineData("medarbejder", "worker_id")]
    [InlineData(" course_id ", "course_id")]
    [InlineData("notes", null)]
    public void NameOf_FindsTheColumnOfANameOrAlias(string header, string? name)
    {
        Assert.Equal(name, ColumnVocabulary.Default.NameOf(header));
    }

    [Fact]
    public void Extend_AddsAliasesFromAFile_SoACaseSystemExportLoads()
    {
        var file = configuration.Write("vocabulary.json", """{ "columns": { "course_id": ["sagsnummer"], "group": ["indsats"] }, "ignored": ["sagsbehandler_note"] }""");
        folder.Write("X/courses.csv", "sagsnummer,cpr,indsats,sagsbehandler_note\nS-1,010190-1234,CTI,ring tirsdag\n");

        var read = Inbox.Read(folder, new IngestOptions { VocabularyFile = file });

        var report = read.Files.Single();
        Assert.Empty(report.Errors);
        Assert.Equal("S-1", Assert.Single(read.Data.Courses).CourseId);
    }

    [Fact]
    public void IgnoredColumns_AreSkipped_AndTheirValuesNeverReported()
    {
        folder.Write("X/courses.csv", "course_id,cpr,group,journal\nA,010190-1234,CTI,\"fortroligt: 030390-1234\"\nB,020290-1234,CTX,hemmeligt\n");

        var report = Inbox.Read(folder, new IngestOptions { IgnoredColumns = ["Journal"] }).Files.Single();

        Assert.Equal((2, 1, 1), (report.Rows, report.Loaded, report.Quarantined));
        Assert.DoesNotContain(report.Errors, e => e.Column == "journal" || (e.Value ?? "").Contains("hemmeligt", StringComparison.Ordinal));
    }

    [Fact]
    public void Extend_RefusesAnAliasOfTwoNames()
    {
        var file = configuration.Write("vocabulary.json", """{ "columns": { "course_id": ["afslutning"] } }""");

        var error = Assert.Throws<ColumnVocabularyException>(() => IngestSettings.From(new IngestOptions { VocabularyFile = file }));

        Assert.Contains("'afslutning' an alias of both end_date and course_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extend_RefusesAColumnNoKindHas()
    {
        var file = configuration.Write("vocabulary.json", """{ "columns": { "case_note": ["note"] } }""");

        Assert.Throws<ColumnVocabularyException>(() => IngestSettings.From(new IngestOptions { VocabularyFile = file }));
    }

    [Fact]
    public void Closest_NamesTheNearestKnownColumns()
    {
        var closest = HeaderMap.Closest("end_dato", AllKindsColumns(), [], ColumnVocabulary.Default);

        Assert.Equal("end_date", closest[0]);
    }

    [Fact]
    public void UnknownColumn_InAnswers_SuggestsTheNearestItem()
    {
        folder.Write("X/courses.csv", "course_id,cpr,group\nA,010190-1234,CTI\n");
        var item = Evaluation.Domain.Instruments.InstrumentSet.Default.All[0].Items[0];
        folder.Write("X/answers.csv", $"course_id,wave,{item}x\nA,baseline,1\n");

        var report = Inbox.Read(folder).Files.Single(f => f.Kind == "answers");

        Assert.Contains(report.Errors, e => e.Row == 1 && e.Column == item + "x" && e.Reason.Contains($"closest known names are {item}", StringComparison.Ordinal));
        Assert.Equal(0, report.Loaded);
    }

    private static IReadOnlyList<Column> AllKindsColumns() => Evaluation.Ingest.Kinds.AllKinds.Tenancies.Columns;

    public void Dispose()
    {
        folder.Dispose();
        configuration.Dispose();
    }
}
