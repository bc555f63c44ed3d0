namespace Evaluation.Export.Tests;

public class KAnonymityTests
{
    private static ExportTable Table(params (string Age, string Municipality, string Children, string Group)[] rows)
    {
        var table = new ExportTable("courses", [.. new[] { "course", "age_band", "municipality", "children", "group" }.Select(n => new ExportColumn(n, ColumnType.Text, n, n))]);
        int i = 0;
        foreach (var (age, municipality, children, group) in rows)
        {
            table.Rows.Add([$"c{i++}", age, municipality, children, group]);
        }

        return table;
    }

    [Fact]
    public void NothingChanges_WhenEveryCombinationAlreadyHasK()
    {
        var table = Table(Enumerable.Repeat(("30-34", "Odense", "1", "CTI"), 5).ToArray());

        var result = KAnonymity.Apply(table, 5);

        Assert.Empty(result.Generalisations);
        Assert.Equal(5, result.AchievedK);
        Assert.All(table.Rows, r => Assert.Equal("30-34", r[1]));
    }

    [Fact]
    public void ChildrenAreGeneralisedFirst()
    {
        // Two children and three children differ only until children becomes 0/1/2+.
        var table = Table([.. Enumerable.Repeat(("30-34", "Odense", "2", "CTI"), 3), .. Enumerable.Repeat(("30-34", "Odense", "3", "CTI"), 2)]);

        var result = KAnonymity.Apply(table, 5);

        Assert.Equal(["children → 0/1/2+"], result.Generalisations);
        Assert.All(table.Rows, r => Assert.Equal("2+", r[3]));
        Assert.Equal(5, result.AchievedK);
    }

    [Fact]
    public void EveryCombination_EndsWithAtLeastK_ByGeneralisingThenSuppressing()
    {
        var random = new Random(4);
        string[] municipalities = ["Aalborg", "Odense", "Randers", "København", "Læsø"];
        var rows = Enumerable.Range(0, 300).Select(_ => (
            $"{random.Next(4, 12) * 5}-{(random.Next(4, 12) * 5) + 4}",
            municipalities[random.Next(municipalities.Length)],
            random.Next(0, 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
            random.Next(2) == 0 ? "CTI" : "KR")).ToArray();
        var table = Table(rows);

        var result = KAnonymity.Apply(table, 5);

        var classes = table.Rows.GroupBy(r => string.Join("|", r.Skip(1).Select(v => v ?? "∅")));
        Assert.All(classes, c => Assert.True(c.Count() >= 5, $"{c.Key}: {c.Count()}"));
        Assert.Equal(result.Rows, table.Rows.Count);
        Assert.Equal(300, table.Rows.Count + result.RowsDropped);
        Assert.True(result.AchievedK >= 5);
    }

    [Theory]
    [InlineData("Aalborg", "Region Nordjylland")]
    [InlineData("København", "Region Hovedstaden")]
    [InlineData("Læsø", "Region ukendt")]
    public void Region_OfAMunicipality(string municipality, string region) => Assert.Equal(region, KAnonymity.Region(municipality));
}
