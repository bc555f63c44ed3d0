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
    public void Constructor_RefusesShortKeys() =>
        Assert.Throws<ArgumentException>(() => new Pseudonymizer(new byte[8]));
}
