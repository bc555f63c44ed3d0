using Evaluation.Data.Storage;
using Evaluation.TestSupport;

namespace Evaluation.Data.Tests.Storage;

public sealed class KeyStoreTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void GetOrCreate_CreatesAKeyOnce_AndReusesIt()
    {
        var store = new KeyStore(new EvaluationHome(folder.Path));

        var first = store.GetOrCreate("project-a");
        var second = new KeyStore(new EvaluationHome(folder.Path)).GetOrCreate("project-a");

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        Assert.NotEqual(first, store.GetOrCreate("project-b"));
    }

    [Fact]
    public void GetOrCreate_WritesTheKeyReadableByTheOwnerOnly()
    {
        new KeyStore(new EvaluationHome(folder.Path)).GetOrCreate("k");

        var mode = File.GetUnixFileMode(Path.Combine(folder.Path, "keys", "k.key"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("")]
    [InlineData("a/b")]
    public void GetOrCreate_RefusesNamesThatAreNoFileName(string name) =>
        Assert.Throws<ArgumentException>(() => new KeyStore(new EvaluationHome(folder.Path)).GetOrCreate(name));

    public void Dispose() => folder.Dispose();
}
