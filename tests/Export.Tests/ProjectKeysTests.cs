namespace Evaluation.Export.Tests;

public class ProjectKeysTests
{
    private static readonly ProjectKeys A = new(Enumerable.Repeat((byte)1, 32).ToArray());
    private static readonly ProjectKeys B = new(Enumerable.Repeat((byte)2, 32).ToArray());

    [Fact]
    public void Pseudonyms_AreStableWithinAProject_AndDifferAcrossProjects()
    {
        Assert.Equal(A.Person("p1"), A.Person("p1"));
        Assert.NotEqual(A.Person("p1"), B.Person("p1"));
        Assert.NotEqual(A.Person("p1"), A.Person("p2"));
        Assert.NotEqual(A.Course("c1"), B.Course("c1"));
    }

    [Fact]
    public void DateShift_IsOneToThirtyDaysEitherWay_AndTheSameForAPerson()
    {
        var shifts = Enumerable.Range(0, 2000).Select(i => A.DateShift($"person{i}")).ToList();

        Assert.All(shifts, s => Assert.InRange(Math.Abs(s), 1, 30));
        Assert.Contains(shifts, s => s < 0);
        Assert.Contains(shifts, s => s > 0);
        Assert.Equal(30, shifts.Select(Math.Abs).Distinct().Count());
        Assert.Equal(A.DateShift("person7"), A.DateShift("person7"));
    }
}
