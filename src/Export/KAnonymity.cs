namespace Evaluation.Export;

/// <summary>What disclosure control did, for the disclosure report.</summary>
public sealed record DisclosureResult(int K, int AchievedK, IReadOnlyList<string> Generalisations, IReadOnlyDictionary<string, int> Suppressed, int RowsDropped, int Rows);

/// <summary>
/// k-anonymity on the quasi-identifiers age band, municipality, children and group (SPEC §8): every
/// combination must occur in at least k rows. First generalise, for the whole file, as far as
/// needed: children to 0/1/2+, age to 10-year bands, then municipalities in small combinations to
/// their region. Then suppress values (empty) in the rows still in small combinations, municipality
/// first, then age band, children and group. Rows that are unique even with every value empty are
/// dropped, and counted.
/// </summary>
public static class KAnonymity
{
    private static readonly Dictionary<string, string> Regions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Aalborg"] = "Region Nordjylland", ["Hjørring"] = "Region Nordjylland", ["Frederikshavn"] = "Region Nordjylland",
        ["Aarhus"] = "Region Midtjylland", ["Randers"] = "Region Midtjylland", ["Horsens"] = "Region Midtjylland", ["Silkeborg"] = "Region Midtjylland", ["Herning"] = "Region Midtjylland", ["Viborg"] = "Region Midtjylland",
        ["Odense"] = "Region Syddanmark", ["Esbjerg"] = "Region Syddanmark", ["Kolding"] = "Region Syddanmark", ["Vejle"] = "Region Syddanmark", ["Sønderborg"] = "Region Syddanmark",
        ["København"] = "Region Hovedstaden", ["Frederiksberg"] = "Region Hovedstaden", ["Gentofte"] = "Region Hovedstaden", ["Gladsaxe"] = "Region Hovedstaden", ["Hillerød"] = "Region Hovedstaden",
        ["Roskilde"] = "Region Sjælland", ["Næstved"] = "Region Sjælland", ["Slagelse"] = "Region Sjælland", ["Holbæk"] = "Region Sjælland", ["Køge"] = "Region Sjælland",
    };

    /// <summary>The region of a municipality, or "Region ukendt" for one not in the table.</summary>
    public static string Region(string municipality) => Regions.GetValueOrDefault(municipality, "Region ukendt");

    public static DisclosureResult Apply(ExportTable table, int k)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = ResearchDataset.QuasiIdentifiers.Select(table.IndexOf).ToArray();
        int age = columns[0], municipality = columns[1], children = columns[2];
        var steps = new List<string>();
        if (Small(table, columns, k).Count > 0)
        {
            foreach (var row in table.Rows)
            {
                row[children] = row[children] is string c && int.TryParse(c, out var n) ? (n >= 2 ? "2+" : c) : row[children];
            }

            steps.Add("children → 0/1/2+");
        }

        if (Small(table, columns, k).Count > 0)
        {
            foreach (var row in table.Rows)
            {
                row[age] = row[age] is string band ? ResearchDataset.AgeBand(int.Parse(band.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture), 10) : null;
            }

            steps.Add("age band → 10 years");
        }

        var small = Small(table, columns, k);
        if (small.Count > 0)
        {
            var generalised = small.Select(r => r[municipality] as string).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            foreach (var row in table.Rows)
            {
                if (row[municipality] is string m && generalised.Contains(m))
                {
                    row[municipality] = Region(m);
                }
            }

            steps.Add($"municipality → region for {string.Join(", ", generalised)}");
        }

        var suppressed = ResearchDataset.QuasiIdentifiers.ToDictionary(q => q, _ => 0);
        foreach (var (name, column) in ResearchDataset.QuasiIdentifiers.Zip(columns))
        {
            foreach (var row in Small(table, columns, k))
            {
                if (row[column] is not null)
                {
                    row[column] = null;
                    suppressed[name]++;
                }
            }
        }

        var unique = Small(table, columns, k).ToHashSet();
        table.Rows.RemoveAll(unique.Contains);
        int achieved = table.Rows.Count == 0 ? 0 : table.Rows.GroupBy(r => Key(r, columns)).Min(g => g.Count());
        return new DisclosureResult(k, achieved, steps, suppressed, unique.Count, table.Rows.Count);
    }

    private static List<object?[]> Small(ExportTable table, int[] columns, int k) =>
        table.Rows.GroupBy(r => Key(r, columns)).Where(g => g.Count() < k).SelectMany(g => g).ToList();

    private static string Key(object?[] row, int[] columns) => string.Join('\u001f', columns.Select(c => row[c] as string ?? "\u0000"));
}
