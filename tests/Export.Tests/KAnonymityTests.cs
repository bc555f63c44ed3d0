using System.Globalization;

namespace Evaluation.Export.Tests;

public class KAnonymityTests
{
    private static readonly string[] Columns = ["course", "age_band", "municipality", "children", "group", KAnonymity.SuppressedFlag];

    private static ExportTable Table(params (string Age, string Municipality, string? Children, string Group)[] rows)
    {
        var table = new ExportTable("courses", [.. Columns.Select(n => new ExportColumn(n, n == KAnonymity.SuppressedFlag ? ColumnType.Integer : ColumnType.Text, n, n, "-"))]);
        int i = 0;
        foreach (var (age, municipality, children, group) in rows)
        {
            table.Rows.Add([$"c{i++}", age, municipality, children, group, 0]);
        }

        return table;
    }

    private static IEnumerable<(string Age, string Municipality, string? Children, string Group)> Repeat(int count, string age, string municipality, string? children, string group) =>
        Enumerable.Repeat((age, municipality, children, group), count);

    /// <summary>Classes as the written file shows them: a locally suppressed value is "*", a missing one empty.</summary>
    private static List<int> ClassSizes(ExportTable table) =>
        [.. table.Rows.CountBy(r => KAnonymity.ClassKey(r, [1, 2, 3, 4], 5)).Select(c => c.Value)];

    private static (string Age, string Municipality, string? Children, string Group)[] RandomRows(int seed, int count, string[] municipalities)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            int low = random.Next(3, 13) * 5;
            return ($"{low}-{low + 4}", municipalities[random.Next(municipalities.Length)],
                random.Next(12) == 0 ? null : random.Next(0, 5).ToString(CultureInfo.InvariantCulture), random.Next(3) == 0 ? "KR" : "CTI");
        })];
    }

    [Fact]
    public void Apply_ChangesNothing_WhenEveryClassAlreadyHasK()
    {
        var table = Table([.. Repeat(5, "30-34", "Odense", "1", "CTI"), .. Repeat(6, "35-39", "Odense", "1", "KR")]);

        var result = KAnonymity.Apply(table, 5);

        Assert.Equal(0, result.Loss);
        Assert.All(result.Levels, l => Assert.Equal(0, l.Height));
        Assert.Equal(0, result.RowsSuppressed);
        Assert.Equal(5, result.AchievedK);
        Assert.Equal(["30-34", "35-39"], table.Rows.Select(r => (string)r[1]!).Distinct());
    }

    [Fact]
    public void Apply_GeneralisesChildrenOnly_WhenThatIsTheCheapestStep()
    {
        // Two and three children differ only until children becomes 0/1/2+ (height 1); any age step costs as much
        // but merges nothing here, so it is not a step at all.
        var table = Table([.. Repeat(30, "30-34", "Odense", "2", "CTI"), .. Repeat(3, "30-34", "Odense", "3", "CTI"), .. Repeat(30, "30-34", "Odense", "0", "CTI")]);

        var result = KAnonymity.Apply(table, 5);

        Assert.Equal(new ChosenLevel("children", 1, "0/1/2+"), result.Levels.Single(l => l.Column == "children"));
        Assert.Equal(1, result.Loss);
        Assert.Equal(0, result.RowsSuppressed);
        Assert.Equal(["2+", "0"], table.Rows.Select(r => (string)r[3]!).Distinct());
    }

    [Fact]
    public void Apply_NeverTakesTheRegionStep_WhenEachMunicipalityIsAloneInItsRegion()
    {
        // The case: Aalborg, Odense and Randers lie in three regions, so "region" merges nothing, however many rows.
        var rows = RandomRows(7, 20_000, ["Aalborg", "Odense", "Randers"]);
        var table = Table(rows);

        var result = KAnonymity.Apply(table, 5);

        Assert.Contains(new SkippedLevel("municipality", 1, "region", 3), result.SkippedLevels);
        Assert.NotEqual(1, result.Levels.Single(l => l.Column == "municipality").Height);
        Assert.DoesNotContain(table.Rows, r => r[2] is string m && m.StartsWith("Region", StringComparison.Ordinal));
        Assert.Equal(0, result.Loss);
        Assert.True(result.RowsSuppressed <= 1000, $"{result.RowsSuppressed}");
    }

    [Fact]
    public void Apply_TakesTheRegionStep_WhenItMerges()
    {
        // Five municipalities of Region Nordjylland, each too small alone; together one class.
        var table = Table([.. new[] { "Aalborg", "Hjørring", "Thisted", "Læsø", "Rebild" }.SelectMany(m => Repeat(2, "30-34", m, "1", "CTI")), .. Repeat(90, "30-34", "Odense", "1", "CTI")]);

        var result = KAnonymity.Apply(table, 5);

        Assert.Equal(new ChosenLevel("municipality", 1, "region"), result.Levels.Single(l => l.Column == "municipality"));
        Assert.Equal(10, table.Rows.Count(r => (string?)r[2] == "Region Nordjylland"));
        Assert.Equal(90, table.Rows.Count(r => (string?)r[2] == "Region Syddanmark"));
    }

    [Theory]
    [InlineData(1, 300, 5)]
    [InlineData(2, 300, 3)]
    [InlineData(3, 1000, 5)]
    [InlineData(4, 1000, 10)]
    [InlineData(5, 200, 5)]
    public void Apply_ReachesKInEveryClass_WithAtMostFivePercentSuppressed(int seed, int count, int k)
    {
        var table = Table(RandomRows(seed, count, ["Aalborg", "Odense", "Randers", "København", "Læsø", "Roskilde", "Kommune 005"]));

        var result = KAnonymity.Apply(table, k);

        var sizes = ClassSizes(table);
        Assert.All(sizes, s => Assert.True(s >= k, $"class of {s}"));
        Assert.Equal(sizes.Min(), result.AchievedK);
        Assert.Equal(sizes.Count, result.Classes);
        Assert.True(result.WithinSuppressionLimit);
        Assert.InRange(result.RowsSuppressed, 0, count / 20);
        Assert.Equal(result.RowsSuppressed, table.Rows.Count(r => r[5] is 1));
        Assert.Equal(count, table.Rows.Count);
        Assert.All(table.Rows.Where(r => r[5] is 1), r => Assert.True(r[1] is null && r[2] is null && r[3] is null && r[4] is string));
    }

    [Theory]
    [InlineData(11, 400)]
    [InlineData(12, 250)]
    public void Apply_ChoosesTheLeastLossyNode_AmongAllThatReachK(int seed, int count)
    {
        // Brute force over every combination of the raw levels, independent of the lattice code:
        // generalise, count classes, suppress those below k. A node that reaches k with no top-up
        // needed and a lower loss than the chosen one must not exist.
        var rows = RandomRows(seed, count, ["Aalborg", "Hjørring", "Odense", "Vejle", "København"]);
        var result = KAnonymity.Apply(Table(rows), 5);

        var chosenLoss = result.Loss;
        foreach (var age in Enumerable.Range(0, 4))
        {
            foreach (var municipality in Enumerable.Range(0, 3))
            {
                foreach (var children in Enumerable.Range(0, 3))
                {
                    var keys = rows.Select(r => (Hierarchy.Age.Generalise(r.Age, age), Hierarchy.Municipality.Generalise(r.Municipality, municipality), Hierarchy.Children.Generalise(r.Children, children), r.Group)).ToList();
                    var small = keys.CountBy(x => x).Where(c => c.Value < 5).Sum(c => c.Value);
                    var suppressedPerGroup = keys.CountBy(x => x).Where(c => c.Value < 5).GroupBy(c => c.Key.Group).Select(g => g.Sum(c => c.Value));
                    bool reaches = small <= count / 20 && suppressedPerGroup.All(s => s >= 5);
                    if (reaches)
                    {
                        Assert.True(age + municipality + children >= chosenLoss, $"node ({age},{municipality},{children}) reaches k at loss {age + municipality + children} < {chosenLoss}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Apply_TopsUpTheSuppressedClass_ToK()
    {
        // Four unique rows are suppressed; their class (*, *, *, CTI) would hold 4 < 5, so one row of the big class joins it.
        var table = Table([.. Repeat(96, "30-34", "Aalborg", "1", "CTI"), ("30-34", "København", "1", "CTI"), ("30-34", "Odense", "1", "CTI"), ("30-34", "Randers", "1", "CTI"), ("30-34", "Roskilde", "1", "CTI")]);

        var result = KAnonymity.Apply(table, 5);

        Assert.Equal(0, result.Loss);
        Assert.Equal(5, result.RowsSuppressed);
        Assert.Equal(5, result.CellsSuppressed["municipality"]);
        Assert.Equal([5, 95], ClassSizes(table).Order());
        Assert.Equal(5, result.AchievedK);
        Assert.All(table.Rows, r => Assert.Equal("CTI", r[4]));
    }

    [Fact]
    public void Apply_DropsRowsAndSaysSo_WhenNoCombinationCanReachK()
    {
        var table = Table([.. Repeat(3, "30-34", "Aalborg", "1", "CTI"), .. Repeat(8, "50-54", "Aalborg", "0", "KR")]);

        var result = KAnonymity.Apply(table, 5);

        Assert.False(result.WithinSuppressionLimit);
        Assert.Equal(3, result.RowsDropped);
        Assert.Equal(8, result.Rows);
        Assert.All(table.Rows, r => Assert.Equal("KR", r[4]));
        Assert.All(ClassSizes(table), s => Assert.True(s >= 5));
    }

    [Fact]
    public void Apply_NamesUnknownMunicipalities()
    {
        var table = Table([.. Repeat(5, "30-34", "Kommune 005", "1", "CTI")]);

        var result = KAnonymity.Apply(table, 5);

        Assert.Equal(["Kommune 005"], result.UnknownMunicipalities);
    }
}
