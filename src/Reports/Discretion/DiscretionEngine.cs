namespace Evaluation.Reports.Discretion;

/// <summary>
/// Statistical discretion for every published workbook of one run taken together (SPEC §7
/// "Discretion"). Sheet writers register each figure they will print (a count of persons, a
/// statistic with the counts it is computed on, a share with its numerator and denominator) and
/// the linear relations between counts (row totals, ALL over the municipalities); <see cref="Decide"/>
/// then marks every cell shown, "&lt;5" or ".." before any workbook is written.
/// Primary suppression: counts of 1–4 persons, statistics on fewer than 5, shares whose numerator
/// is 1–4. Secondary suppression, greedy as in τ-ARGUS's hypercube method: while the
/// <see cref="Attacker"/> recovers a hidden cell, hide the cheapest shown cell of a relation it takes
/// part in (a small count rather than a total, a share rather than its n; never a protected cell);
/// a hidden n hides the statistics beside it, so no n is ever hidden beside a shown statistic.
/// </summary>
public sealed class DiscretionEngine(int threshold = 5)
{
    private readonly List<DiscretionCell> cells = [];
    private readonly Dictionary<string, DiscretionCell> byKey = new(StringComparer.Ordinal);
    private readonly List<Relation> relations = [];
    private readonly List<DiscretionCell> unresolved = [];
    private bool decided;

    public int Threshold { get; } = threshold >= 1 ? threshold : throw new ArgumentOutOfRangeException(nameof(threshold));

    /// <summary>What a cell of 1 to k − 1 shows.</summary>
    public string SmallMark => $"<{Threshold}";

    /// <summary>What a cell hidden only to protect another shows, as Statistics Denmark marks it.</summary>
    public const string HiddenMark = "..";

    public IReadOnlyList<DiscretionCell> Cells => cells;

    public IReadOnlyList<Relation> Relations => relations;

    /// <summary>Cells the attacker could still recover after <see cref="Decide"/> (empty unless a protected cell made it impossible).</summary>
    public IReadOnlyList<DiscretionCell> Unresolved => unresolved;

    /// <summary>The figure registered under <paramref name="key"/>, if any.</summary>
    public DiscretionCell? Find(string key) => byKey.GetValueOrDefault(key);

    /// <summary>A printed count of persons. The same key gives the same cell, so every workbook prints it alike.</summary>
    public DiscretionCell Count(string key, int value, double cost = 1, bool protect = false)
    {
        var cell = Add(key, CellKind.Count, value, 0);
        cell.Cost = Math.Max(cell.Cost, cost);
        cell.Protected |= protect;
        return cell;
    }

    /// <summary>A count of persons never printed but derivable (the numerator of a printed share).</summary>
    public DiscretionCell Latent(string key, int value) => Add(key, CellKind.Latent, value, 0);

    /// <summary>
    /// A statistic on the persons of <paramref name="counts"/>: hidden when one of them is under the
    /// threshold or hidden; also when <paramref name="numerator"/> (persons with an event, say) is 1–4
    /// or <paramref name="small"/> says the statistic rests on a small group that is not printed.
    /// </summary>
    public DiscretionCell Statistic(string key, double? value, int decimals, IReadOnlyList<DiscretionCell> counts, double? granularity = null, DiscretionCell? numerator = null, bool small = false, bool percent = false)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var cell = Add(key, CellKind.Statistic, value, decimals);
        if (cell.Counts.Count > 0)
        {
            return cell;
        }

        foreach (var n in counts)
        {
            cell.Counts.Add(n);
            n.Dependents.Add(cell);
        }

        cell.Granularity = granularity;
        cell.Numerator = numerator;
        cell.Percent = percent;
        if (small)
        {
            cell.Mark = Mark.Small;
            cell.Rule = SuppressionRule.SmallStatistic;
        }

        return cell;
    }

    /// <summary>A share (a fraction, printed with <paramref name="decimals"/> decimals of the fraction) of numerator over denominator persons.</summary>
    public DiscretionCell Share(string key, double? value, int decimals, DiscretionCell numerator, DiscretionCell denominator)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        var cell = Add(key, CellKind.Share, value, decimals);
        if (cell.Denominator is not null)
        {
            return cell;
        }

        cell.Numerator = numerator;
        cell.Denominator = denominator;
        cell.Counts.Add(denominator);
        denominator.Dependents.Add(cell);
        numerator.Shares.Add(cell);
        denominator.Shares.Add(cell);
        return cell;
    }

    /// <summary>
    /// Registers total = Σ parts when it holds (a relation that does not hold exactly is not one a
    /// reader can use); returns whether it was registered.
    /// </summary>
    public bool Sum(DiscretionCell total, IReadOnlyList<DiscretionCell> parts)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0 || total.Value is null || parts.Any(p => p.Value is null) || Math.Abs(total.Value.Value - parts.Sum(p => p.Value!.Value)) > 1e-9)
        {
            return false;
        }

        int id = relations.Count;
        relations.Add(new Relation(total, parts));
        foreach (var c in parts.Prepend(total))
        {
            c.Relations.Add(id);
        }

        return true;
    }

    /// <summary>Hidden cells per rule, for the method notes.</summary>
    public IReadOnlyDictionary<SuppressionRule, int> Suppressed =>
        Enum.GetValues<SuppressionRule>().ToDictionary(r => r, r => cells.Count(c => c.Kind != CellKind.Latent && c.Mark != Mark.Shown && c.Rule == r));

    /// <summary>What the reader sees of a cell, by the engine's marks.</summary>
    public static Seen SeenOf(DiscretionCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Kind == CellKind.Latent || cell.Value is null ? Seen.Nothing : new Seen(cell.Mark, cell.Mark == Mark.Shown ? cell.Rounded : null);
    }

    /// <summary>Is this unprinted count one that must not be recoverable (1 to k − 1 persons)?</summary>
    public bool Sensitive(DiscretionCell cell) => cell is { Kind: CellKind.Latent, Value: > 0 } && cell.Value < Threshold;

    /// <summary>Marks every cell: primary, then secondary suppression per connected part of the tables, then a last check.</summary>
    public void Decide()
    {
        if (decided)
        {
            throw new InvalidOperationException("Discretion has already been decided for this run.");
        }

        decided = true;
        foreach (var cell in cells)
        {
            Primary(cell);
        }

        foreach (var cell in cells.Where(c => c.Kind == CellKind.Count && c.Mark != Mark.Shown))
        {
            HideDependents(cell);
        }

        foreach (var component in Components())
        {
            Secondary(component.Cells, component.Relations);
        }
    }

    private DiscretionCell Add(string key, CellKind kind, double? value, int decimals)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (decided)
        {
            throw new InvalidOperationException("Cells must be registered before discretion is decided.");
        }

        if (byKey.TryGetValue(key, out var existing))
        {
            if (existing.Kind != kind || !Equals(existing.Value, value))
            {
                throw new InvalidOperationException($"The figure '{key}' was registered twice with different values.");
            }

            return existing;
        }

        var cell = new DiscretionCell(cells.Count, key, kind, value, decimals);
        cells.Add(cell);
        byKey.Add(key, cell);
        return cell;
    }

    private bool IsSmall(DiscretionCell? count) => count?.Value is > 0 and var v && v < Threshold;

    private void Primary(DiscretionCell cell)
    {
        if (cell.Mark != Mark.Shown)
        {
            return;
        }

        switch (cell.Kind)
        {
            case CellKind.Count when IsSmall(cell):
                Hide(cell, Mark.Small, SuppressionRule.SmallCount);
                break;
            case CellKind.Statistic or CellKind.Share when cell.Counts.Any(n => n.Value < Threshold):
                Hide(cell, Mark.Small, SuppressionRule.SmallStatistic);
                break;
            case CellKind.Statistic or CellKind.Share when IsSmall(cell.Numerator):
                Hide(cell, Mark.Small, SuppressionRule.SmallNumerator);
                break;
        }
    }

    private static void Hide(DiscretionCell cell, Mark mark, SuppressionRule rule)
    {
        cell.Mark = mark;
        cell.Rule = rule;
    }

    /// <summary>A hidden count hides the statistics and shares computed on it: no n is hidden beside a shown statistic.</summary>
    private static void HideDependents(DiscretionCell count)
    {
        foreach (var d in count.Dependents.Where(d => d.Mark == Mark.Shown))
        {
            Hide(d, Mark.Hidden, SuppressionRule.BesideHiddenCount);
        }
    }

    private void Secondary(List<DiscretionCell> component, List<Relation> componentRelations)
    {
        for (int guard = 0; guard <= (2 * component.Count) + 10; guard++)
        {
            var recovered = Attacker.Recovered(component, componentRelations, SeenOf, Threshold, Sensitive);
            if (recovered.Count == 0)
            {
                return;
            }

            var target = recovered[0];
            var choice = Candidates(target).Where(c => c.Mark == Mark.Shown || Upgradable(c)).MinBy(Price)
                ?? component.Where(c => Hideable(c) && c.Mark == Mark.Shown).MinBy(Price);
            if (choice is null)
            {
                unresolved.AddRange(recovered);
                return;
            }

            Hide(choice, Mark.Hidden, SuppressionRule.Secondary);
            if (choice.Kind == CellKind.Count)
            {
                HideDependents(choice);
            }
        }
    }

    /// <summary>Shown cells whose hiding could protect <paramref name="target"/>: the other members of its relations and the shares that pin it.</summary>
    private IEnumerable<DiscretionCell> Candidates(DiscretionCell target)
    {
        foreach (var share in target.Shares)
        {
            yield return share;
        }

        if (Upgradable(target))
        {
            yield return target;
        }

        foreach (var stat in target.Dependents.Where(d => d.Granularity is not null))
        {
            yield return stat;
        }

        foreach (var relation in target.Relations.Select(r => relations[r]))
        {
            foreach (var member in relation.Cells.Where(c => c != target))
            {
                if (member.Kind == CellKind.Latent)
                {
                    foreach (var share in member.Shares.Where(s => s.Numerator == member))
                    {
                        yield return share;
                    }
                }
                else if (Hideable(member) || Upgradable(member))
                {
                    yield return member;
                }
            }
        }
    }

    /// <summary>
    /// A "&lt;5" tells the reader 1 to 4; where totals and other "&lt;5"s then pin it (four "&lt;5" parts of
    /// a "&lt;5" total are each 1), it is shown as ".." instead, which says nothing. Only when no shown cell helps.
    /// </summary>
    private static bool Upgradable(DiscretionCell cell) => cell is { Kind: CellKind.Count, Mark: Mark.Small, Protected: false };

    private bool Hideable(DiscretionCell cell) =>
        cell.Kind switch
        {
            CellKind.Count => !cell.Protected && (cell.Value >= Threshold || cell.Value == 0),
            CellKind.Share => cell.Value is not null,
            _ => false,
        };

    /// <summary>Fewest and cheapest: a share costs a little, a count its weight, more for each statistic it would take along; smaller values first.</summary>
    private static double Price(DiscretionCell cell) =>
        cell.Kind == CellKind.Share ? 2
            : cell.Mark == Mark.Small ? 1000
            : (cell.Cost * 10) + (5 * cell.Dependents.Count(d => d.Mark == Mark.Shown && d.Value is not null)) + (cell.Value!.Value / 1e6);

    /// <summary>Parts of the tables linked by relations, shares or statistics, which can be decided one by one; only parts with something to protect.</summary>
    private IEnumerable<(List<DiscretionCell> Cells, List<Relation> Relations)> Components()
    {
        var parent = Enumerable.Range(0, cells.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        void Union(DiscretionCell a, DiscretionCell b) => parent[Find(a.Id)] = Find(b.Id);

        foreach (var relation in relations)
        {
            foreach (var part in relation.Parts)
            {
                Union(relation.Total, part);
            }
        }

        foreach (var cell in cells)
        {
            foreach (var n in cell.Counts)
            {
                Union(cell, n);
            }

            if (cell.Numerator is not null)
            {
                Union(cell, cell.Numerator);
            }
        }

        var groups = new Dictionary<int, List<DiscretionCell>>();
        foreach (var cell in cells)
        {
            int root = Find(cell.Id);
            if (!groups.TryGetValue(root, out var list))
            {
                groups[root] = list = [];
            }

            list.Add(cell);
        }

        var relationsOf = new Dictionary<int, List<Relation>>();
        foreach (var relation in relations)
        {
            int root = Find(relation.Total.Id);
            if (!relationsOf.TryGetValue(root, out var list))
            {
                relationsOf[root] = list = [];
            }

            list.Add(relation);
        }

        foreach (var (root, members) in groups)
        {
            if (members.Any(c => (c.Kind == CellKind.Count && c.Mark != Mark.Shown) || Sensitive(c)))
            {
                yield return (members, relationsOf.GetValueOrDefault(root) ?? []);
            }
        }
    }
}
