using Evaluation.Ingest.Parsing;

namespace Evaluation.Ingest.Tests.Parsing;

/// <summary>How a header's columns are found (SPEC §2).</summary>
public sealed class HeaderMapTests
{
    [Fact]
    public void Item_columns_come_in_the_order_jsonb_keeps_keys_shorter_first_then_by_bytes()
    {
        string[] header = ["course_id", "who1", "lon10", "sc2", "lon1", "sc10", "viol", "sc1"];
        var errors = new List<IngestError>();

        var map = HeaderMap.Build(header, [new Column("course_id", Required: true)], name => name != "course_id", [], ColumnVocabulary.Default, errors);

        Assert.Empty(errors);
        Assert.Equal(["sc1", "sc2", "lon1", "sc10", "viol", "who1", "lon10"], map.Extras.Keys);
        Assert.Equal([7, 3, 4, 5, 6, 1, 2], map.Extras.Values);
    }
}
