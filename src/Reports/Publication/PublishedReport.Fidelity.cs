using Evaluation.Analytics.Fidelity;
using Evaluation.Reports.Discretion;
using Evaluation.Reports.Workbooks;

namespace Evaluation.Reports.Publication;

internal sealed partial class PublishedReport
{
    private static readonly string[] Components = ["checklists", "phase_timing", "tapering", "plan", "needs_assessment", "handover", "documentation"];

    private sealed record FidelityCells(string Municipality, DiscretionCell Fidelity, DiscretionCell[] Bands, DiscretionCell Courses, DiscretionCell[] Components, double? CaseloadShare);

    private readonly Dictionary<string, FidelityCells> fidelity = [];

    private void RegisterFidelity()
    {
        var thresholds = input.Method.Thresholds;
        var workerMunicipality = input.Fidelity.Workers.GroupBy(w => w.WorkerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Municipality, StringComparer.Ordinal);
        foreach (var m in municipalities.Append(All))
        {
            var courses = input.Fidelity.Courses.Where(c => c.Fidelity is not null && (m == All || c.Municipality == m)).ToList();
            var key = $"fidelity|{m}";
            var n = engine.Count(key + "|courses", courses.Count, cost: 3);
            int[] bandCounts =
            [
                courses.Count(c => c.Fidelity >= thresholds.HighBand),
                courses.Count(c => c.Fidelity >= thresholds.ModerateBand && c.Fidelity < thresholds.HighBand),
                courses.Count(c => c.Fidelity < thresholds.ModerateBand),
            ];
            var bands = bandCounts.Select((b, i) => engine.Count($"{key}|band{i}", b)).ToArray();
            engine.Sum(n, bands);
            var mean = engine.Statistic(key + "|fidelity", courses.Count == 0 ? null : courses.Average(c => c.Fidelity!.Value), 1, [n]);
            var components = new DiscretionCell[Components.Length];
            for (int i = 0; i < Components.Length; i++)
            {
                int index = i;
                var scored = courses.Select(c => c.Components.Values().ElementAt(index)).OfType<double>().ToList();
                var scoredCount = engine.Latent($"{key}|{Components[i]}|n", scored.Count);

                // Plan and handover score 0 or 1: their mean is a share of persons, with a numerator.
                components[i] = Components[i] is "plan" or "handover"
                    ? engine.Share($"{key}|{Components[i]}", scored.Count == 0 ? null : scored.Average(), 3, engine.Latent($"{key}|{Components[i]}|yes", scored.Count(s => s >= 1)), scoredCount)
                    : engine.Statistic($"{key}|{Components[i]}", scored.Count == 0 ? null : scored.Average(), 3, [scoredCount], percent: true);
            }

            // Worker-months are not persons: the share within the limit is shown as it is.
            var months = input.Caseload.Where(c => m == All || workerMunicipality.GetValueOrDefault(c.WorkerId) == m).ToList();
            double? caseload = months.Count == 0 ? null : (double)months.Count(c => c.Caseload <= thresholds.CaseloadLimit) / months.Count;
            fidelity[m] = new FidelityCells(m, mean, bands, n, components, caseload);
        }

        SumOverMunicipalities(m => fidelity[m].Courses);
        for (int b = 0; b < 3; b++)
        {
            int band = b;
            SumOverMunicipalities(m => fidelity[m].Bands[band]);
        }
    }

    private List<Block> Fidelity(string scope)
    {
        var thresholds = input.Method.Thresholds;
        string[] header =
        [
            labels["col.municipality"], labels["col.fidelity"], labels["band.high"], labels["band.moderate"], labels["band.low"], labels["col.courses_scored"],
            .. Components.Select(c => labels["component." + c]), labels["col.caseload_share"],
        ];
        var rows = Rows(scope).Select(m => fidelity[m]).Select(f => TableRow.Of(Name(f.Municipality), f.Fidelity, f.Bands, f.Courses, f.Components, f.CaseloadShare is { } s ? new Plain(s, "0%") : null)).ToList();
        return
        [
            new TitleBlock(labels.Format("fidelity.title", Name(scope)), labels.Format("fidelity.bands", thresholds.HighBand, thresholds.ModerateBand)),
            new TableBlock(header, rows),
            new NoteBlock(labels["note.fidelity"]),
            new NoteBlock(labels.Format("note.caseload", thresholds.CaseloadLimit)),
        ];
    }
}
