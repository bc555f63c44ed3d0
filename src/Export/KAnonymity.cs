namespace Evaluation.Export;

/// <summary>
/// k-anonymity on the quasi-identifiers age band, municipality, children and group (SPEC §8) by
/// full-domain generalisation over the lattice of hierarchy levels plus local suppression, as ARX does.
/// <para>
/// Lattice: every combination of one level per hierarchy (<see cref="Hierarchy"/>; group has one).
/// A level that puts the observed values into as many classes as the level below merges nothing,
/// so it is not a step: it is left out of the lattice and the report lists it.
/// </para>
/// <para>
/// A node (combination) generalises every row. Rows in equivalence classes smaller than k are
/// locally suppressed: their age band, municipality and children become empty and they are flagged
/// (<c>qi_suppressed</c> = 1); group is kept. Suppressed values count as a value of their own ("*"),
/// so the suppressed rows form one class per group, and one smaller than k is topped up with rows
/// from classes that can spare them (largest first) — those rows count as suppressed too. A node
/// reaches k when every class, the suppressed ones included, holds at least k rows and at most
/// <c>maxSuppressedShare</c> of the rows (rounded down) were suppressed.
/// </para>
/// <para>
/// Loss: the sum of the chosen levels' heights (age 0–3, municipality 0–2, children 0–2; a height is
/// the level's place in the full hierarchy, so skipping a level that merges nothing does not make the
/// next one cheaper). Among nodes that reach k the lowest loss wins; ties go to fewer suppressed rows,
/// then to the finer municipality, then the finer age band, then the finer children level.
/// </para>
/// <para>
/// When no node reaches k (very few rows), the coarsest node is used with as much suppression as it
/// needs, the report says the limit was exceeded, and rows still in classes below k are dropped and counted.
/// </para>
/// </summary>
public static class KAnonymity
{
    /// <summary>The flag column set to 1 on locally suppressed rows, when the table has it.</summary>
    public const string SuppressedFlag = "qi_suppressed";

    private const string Star = "\u0001*";

    /// <summary>
    /// Generalises and suppresses the quasi-identifier columns of <paramref name="table"/> in place
    /// (the least lossy node that reaches <paramref name="k"/>), sets <see cref="SuppressedFlag"/> when
    /// the table has it, and returns what was done.
    /// </summary>
    public static DisclosureResult Apply(ExportTable table, int k, double maxSuppressedShare = 0.05)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var hierarchies = Hierarchy.QuasiIdentifiers;
        var columns = hierarchies.Select(h => table.IndexOf(h.Column) is var c and >= 0 ? c : throw new ArgumentException($"The table has no column {h.Column}.", nameof(table))).ToArray();
        int n = table.Rows.Count;
        int group = hierarchies.Count - 1;

        // values[q][level][row], computed once for every node.
        var values = hierarchies.Select((h, q) => Enumerable.Range(0, h.Levels.Count)
            .Select(level => table.Rows.Select(r => h.Generalise(r[columns[q]] as string, level)).ToArray()).ToArray()).ToArray();

        var steps = new List<int>[hierarchies.Count];
        var skipped = new List<SkippedLevel>();
        for (int q = 0; q < hierarchies.Count; q++)
        {
            steps[q] = [0];
            for (int level = 1; level < hierarchies[q].Levels.Count; level++)
            {
                int distinct = new HashSet<string?>(values[q][level]).Count;
                if (distinct < new HashSet<string?>(values[q][level - 1]).Count)
                {
                    steps[q].Add(level);
                }
                else
                {
                    skipped.Add(new SkippedLevel(hierarchies[q].Column, level, hierarchies[q].Levels[level], distinct));
                }
            }
        }

        var nodes = steps.Aggregate((IEnumerable<int[]>)[[]], (acc, levels) => acc.SelectMany(node => levels.Select(l => (int[])[.. node, l]))).ToList();
        int limit = (int)Math.Floor(maxSuppressedShare * n);
        var reaching = nodes.Select(node => (Node: node, Outcome: Evaluate(values, node, n, k, group, topUpFully: true)))
            .Where(x => x.Outcome.Complete && x.Outcome.Suppressed.Count <= limit)
            .ToList();
        var best = reaching
            .OrderBy(x => x.Node.Sum())
            .ThenBy(x => x.Outcome.Suppressed.Count)
            .ThenBy(x => x.Node[1]).ThenBy(x => x.Node[0]).ThenBy(x => x.Node[2])
            .Select(x => ((int[] Node, Outcome Outcome)?)x)
            .FirstOrDefault();
        bool within = best is not null;
        var (chosen, outcome) = best ?? Coarsest(values, steps, n, k, group);

        var cells = hierarchies.Take(group).ToDictionary(h => h.Column, _ => 0);
        int flag = table.IndexOf(SuppressedFlag);
        for (int row = 0; row < n; row++)
        {
            bool suppressed = outcome.Suppressed.Contains(row);
            for (int q = 0; q < group; q++)
            {
                var value = values[q][chosen[q]][row];
                if (suppressed && value is not null)
                {
                    cells[hierarchies[q].Column]++;
                }

                table.Rows[row][columns[q]] = suppressed ? null : value;
            }

            if (flag >= 0)
            {
                table.Rows[row][flag] = suppressed ? 1 : 0;
            }
        }

        var kept = Enumerable.Range(0, n).Where(r => !outcome.Dropped.Contains(r)).Select(r => table.Rows[r]).ToList();
        table.Rows.Clear();
        table.Rows.AddRange(kept);
        var sizes = table.Rows.CountBy(r => ClassKey(r, columns, flag)).Select(c => c.Value).ToList();
        var unknown = table.Rows.Count == 0 ? [] : values[1][0].OfType<string>().Distinct().Where(m => !DanishRegions.IsKnown(m)).Order(StringComparer.Ordinal).ToList();
        return new DisclosureResult(
            k,
            maxSuppressedShare,
            sizes.Count == 0 ? 0 : sizes.Min(),
            sizes.Count,
            [.. hierarchies.Select((h, q) => new ChosenLevel(h.Column, chosen[q], h.Levels[chosen[q]]))],
            skipped,
            chosen.Sum(),
            outcome.Suppressed.Count(r => !outcome.Dropped.Contains(r)),
            cells,
            outcome.Dropped.Count,
            table.Rows.Count,
            nodes.Count,
            reaching.Count,
            within,
            unknown);
    }

    /// <summary>
    /// The equivalence class of a written row: its quasi-identifier values, a missing value as
    /// empty and, on a locally suppressed row, the suppressed ones as "*" (as the flag column tells).
    /// </summary>
    public static string ClassKey(object?[] row, IReadOnlyList<int> columns, int flag)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(columns);
        bool suppressed = flag >= 0 && row[flag] is 1;
        return string.Join('\u001f', columns.Select((c, i) => suppressed && i < columns.Count - 1 ? Star : row[c] as string ?? ""));
    }

    private sealed record Outcome(HashSet<int> Suppressed, HashSet<int> Dropped, bool Complete);

    private static (int[] Node, Outcome Outcome) Coarsest(string?[][][] values, List<int>[] steps, int n, int k, int group)
    {
        var node = steps.Select(s => s[^1]).ToArray();
        return (node, Evaluate(values, node, n, k, group, topUpFully: false));
    }

    /// <summary>Generalises every row to <paramref name="node"/>, suppresses rows in classes below k and tops up suppressed classes below k.</summary>
    private static Outcome Evaluate(string?[][][] values, int[] node, int n, int k, int group, bool topUpFully)
    {
        var keys = new string[n];
        for (int row = 0; row < n; row++)
        {
            keys[row] = string.Join('\u001f', node.Select((level, q) => values[q][level][row] ?? ""));
        }

        var classes = Enumerable.Range(0, n).GroupBy(r => keys[r], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var suppressed = classes.Values.Where(c => c.Count < k).SelectMany(c => c).ToHashSet();
        var dropped = new HashSet<int>();
        if (suppressed.Count == 0)
        {
            return new Outcome(suppressed, dropped, true);
        }

        // The suppressed rows of one group are one class (group is kept); one below k borrows rows
        // from the same group's classes that stay at k or above without them.
        foreach (var (groupValue, rows) in suppressed.GroupBy(r => values[group][0][r] ?? "").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.ToList())))
        {
            int need = k - rows.Count;
            var taken = new List<int>();
            var donors = classes.Values
                .Where(c => c.Count > k && (values[group][0][c[0]] ?? "") == groupValue)
                .OrderByDescending(c => c.Count).ThenBy(c => keys[c[0]], StringComparer.Ordinal);
            foreach (var donor in donors.TakeWhile(_ => taken.Count < need))
            {
                taken.AddRange(donor.OrderDescending().Take(Math.Min(need - taken.Count, donor.Count - k)));
            }

            if (taken.Count < need && topUpFully)
            {
                return new Outcome(suppressed, dropped, false);
            }

            if (taken.Count < need)
            {
                dropped.UnionWith(rows);
            }
            else
            {
                suppressed.UnionWith(taken);
            }
        }

        return new Outcome(suppressed, dropped, true);
    }
}
