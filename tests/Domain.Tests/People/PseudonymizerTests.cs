using System.Security.Cryptography;
using System.Text;
using Evaluation.Domain.People;

namespace Evaluation.Domain.Tests.People;

public class PseudonymizerTests
{
    [Fact]
    public void Pseudonym_IsHmacSha256OfTheIdentifier_WithTheKey()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("0101701234")));

        Assert.Equal(expected, new Pseudonymizer(key).Pseudonym("0101701234"));
    }

    [Fact]
    public void Pseudonym_DiffersBetweenKeys_AndIsStableForOneKey()
    {
        var a = new Pseudonymizer(new byte[32]);
        var b = new Pseudonymizer(Enumerable.Repeat((byte)1, 32).ToArray());

        Assert.Equal(a.Pseudonym("x"), a.Pseudonym("x"));
        Assert.NotEqual(a.Pseudonym("x"), b.Pseudonym("x"));
    }

    [Fact]
    public void Pseudonym_FromManyThreadsAtOnce_IsTheSameAsOneAfterTheOther()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var shared = new Pseudonymizer(key);
        var ids = Enumerable.Range(0, 200_000).Select(i => (1_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var expected = ids.Select(id => Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(id)))).ToArray();

        var actual = ids.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(shared.Pseudonym).ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Constructor_RefusesShortKeys() =>
        Assert.Throws<ArgumentException>(() => new Pseudonymizer(new byte[8]));
}
