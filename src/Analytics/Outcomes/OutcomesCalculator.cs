using Evaluation.Analytics.Statistics;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.Values;

namespace Evaluation.Analytics.Outcomes;

/// <summary>
/// The change-theory outcome statistics of SPEC §5, for ALL and per municipality, per group, as of
/// a date: change per instrument, high loneliness and safety shares, trajectories, the IPW group
/// comparison, housing retention and repeat shelter stays, and both of these weighted by propensity for ALL.
/// </summary>
public sealed class OutcomesCalculator(InstrumentSet instruments, OutcomeSettings settings)
{
    public const string All = Domain.Places.DanishMunicipalities.All;
    private static readonly Group[] Groups = [Group.Cti, Group.Kr];
    private static readonly Wave[] FollowWaves = [Wave.M3, Wave.M6, Wave.End, Wave.Followup];

    public OutcomesReport Calculate(Dataset data, DateOnly asOf)
    {
        var index = new CourseIndex(data, new AsOf(asOf));
        var scored = new ScoredWaves(index, instruments);
        var municipalities = new[] { All }.Concat(index.Courses.Select(c => c.Municipality).Distinct().Order(StringComparer.Ordinal)).ToList();
        var housing = new HousingFollowUp(index, settings);
        var shelter = new ShelterFollowUp(index, settings);
        var scales = instruments.All.Where(i => i.Scoring != ScoringRule.Share).ToList();
        var adjusted = new AdjustedSurvival(settings);
        return new OutcomesReport(
            index.AsOf.ToString(),
            scales.SelectMany(i => Change(i, scored, municipalities)).ToList(),
            Loneliness(scored, municipalities),
            instruments.All.Where(i => i.Scoring == ScoringRule.Share).SelectMany(i => Shares(i, scored, municipalities)).ToList(),
            scales.SelectMany(i => Trajectories(i, scored, municipalities)).ToList(),
            scales.Select(i => new GroupComparison(settings).Compare(i, scored)).ToList(),
            adjusted.HousingRetention(housing.Observations),
            adjusted.RepeatShelter(shelter.Observations),
            municipalities.SelectMany(m => Groups.Select(g => housing.Row(m, g))).ToList(),
            municipalities.SelectMany(m => Groups.Select(g => shelter.Row(m, g))).ToList(),
            new LeftOut(housing.NoMoveInDate, housing.NoIndexTenancy, shelter.NoExitDate, shelter.NoIndexStay));
    }

    internal static bool InScope(Course course, string municipality, Group group) =>
        course.Group == group && (municipality == All || course.Municipality == municipality);

    private static IEnumerable<ChangeRow> Change(Instrument instrument, ScoredWaves scored, List<string> municipalities)
    {
        // Grouped once: with a hundred municipalities, filtering all scores per cell was quadratic.
        var baselines = scored.Of(instrument).Where(s => s.Wave == Wave.Baseline).ToList();
        var byMunicipality = baselines.ToLookup(b => (b.Course.Municipality, b.Course.Group));
        var byGroup = baselines.ToLookup(b => b.Course.Group);
        foreach (var municipality in municipalities)
        {
            foreach (var group in Groups)
            {
                var inScope = municipality == All ? byGroup[group] : byMunicipality[(municipality, group)];
                foreach (var wave in FollowWaves)
                {
                    var from = new List<double>();
                    var to = new List<double>();
                    foreach (var baseline in inScope)
                    {
                        if (scored.Of(instrument, baseline.Course.CourseId, wave) is { } later)
                        {
                            from.Add(baseline.Score);
                            to.Add(later.Score);
                        }
                    }

                    var s = PairedChange.Compute(from, to, instrument.Reliability, instrument.HigherIsBetter);
                    yield return new ChangeRow(instrument.Code, municipality, Codes.Of(group), Codes.Of(Wave.Baseline), Codes.Of(wave),
                        s.N, s.MeanFrom, s.MeanTo, s.MeanChange, s.SdChange, s.CiLow, s.CiHigh, s.PValue, s.Dz, s.Improved, s.Deteriorated, s.Unchanged);
                }
            }
        }
    }

    private static IEnumerable<TrajectoryRow> Trajectories(Instrument instrument, ScoredWaves scored, List<string> municipalities)
    {
        // Grouped once (a lookup keeps each municipality's scores in their original order, so every fit sees the same rows).
        var all = scored.Of(instrument).ToList();
        var byMunicipality = all.ToLookup(s => s.Course.Municipality, StringComparer.Ordinal);
        return municipalities.Select(m => Trajectory.Fit(instrument, m, m == All ? all : byMunicipality[m])).ToList();
    }

    /// <summary>The share in the instrument's "high loneliness" band (LONELY3 ≥ 7) at each wave.</summary>
    private List<LonelinessRow> Loneliness(ScoredWaves scored, List<string> municipalities)
    {
        var instrument = instruments.All.FirstOrDefault(i => i.BandNamed("high loneliness") is not null);
        if (instrument is null)
        {
            return [];
        }

        var band = instrument.BandNamed("high loneliness")!;
        var rows = new List<LonelinessRow>();
        foreach (var (municipality, group, wave, values) in ByWave(instrument, scored, municipalities))
        {
            rows.Add(new LonelinessRow(municipality, Codes.Of(group), Codes.Of(wave), values.Count,
                values.Count == 0 ? null : values.Count(band.Contains) / (double)values.Count, settings.LonelinessReference));
        }

        return rows;
    }

    private static IEnumerable<SafetyRow> Shares(Instrument instrument, ScoredWaves scored, List<string> municipalities) =>
        ByWave(instrument, scored, municipalities).Select(x =>
            new SafetyRow(x.Municipality, Codes.Of(x.Group), Codes.Of(x.Wave), x.Values.Count, x.Values.Count == 0 ? null : x.Values.Average()));

    private static IEnumerable<(string Municipality, Group Group, Wave Wave, List<double> Values)> ByWave(Instrument instrument, ScoredWaves scored, List<string> municipalities)
    {
        var all = scored.Of(instrument).ToList();
        var byMunicipality = all.ToLookup(s => (s.Course.Municipality, s.Course.Group, s.Wave), s => s.Score);
        var byGroup = all.ToLookup(s => (s.Course.Group, s.Wave), s => s.Score);
        foreach (var municipality in municipalities)
        {
            foreach (var group in Groups)
            {
                foreach (var wave in Enum.GetValues<Wave>())
                {
                    yield return (municipality, group, wave, (municipality == All ? byGroup[(group, wave)] : byMunicipality[(municipality, group, wave)]).ToList());
                }
            }
        }
    }
}
