using Evaluation.TestSupport;

namespace Evaluation.Ingest.Tests.Reading;

/// <summary>The row loop every file goes through: natural keys are unique within a file, each file on its own.</summary>
public sealed class FileRowsTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void A_key_repeated_within_a_file_is_quarantined_but_the_same_key_in_the_next_file_is_not()
    {
        const string header = "worker_id,fte";
        folder.Write("A/staff.csv", $"{header}\nW1,1\nW2,1\n");
        folder.Write("B/staff.csv", $"{header}\nW1,1\nW1,0.5\n");
        folder.Write("C/staff.csv", $"{header}\nW2,1\n");

        var (_, files) = Inbox.Read(folder);

        Assert.Empty(Inbox.File(files, "A/staff.csv").Errors);
        var repeated = Assert.Single(Inbox.File(files, "B/staff.csv").Errors);
        Assert.Equal(3, repeated.Row);
        Assert.Contains("already in row 2 of this file", repeated.Reason, StringComparison.Ordinal);
        Assert.Empty(Inbox.File(files, "C/staff.csv").Errors);
    }

    public void Dispose() => folder.Dispose();
}
