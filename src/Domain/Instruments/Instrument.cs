namespace Evaluation.Domain.Instruments;

/// <summary>How item answers become a score (SPEC §3).</summary>
public enum ScoringRule
{
    /// <summary>Sum of the items, times the multiplier (WHO-5: × 4).</summary>
    Sum,

    /// <summary>Mean of the answered items.</summary>
    Mean,

    /// <summary>A single yes/no item (1 = yes); reported as the share answering yes at each wave.</summary>
    Share,
}

/// <summary>A score band such as "high loneliness" = 7–9 (SPEC §3), both limits inclusive.</summary>
public sealed record Band(string Label, double Min, double Max)
{
    public bool Contains(double score) => score >= Min && score <= Max;
}

/// <summary>
/// A questionnaire instrument, defined as data (SPEC §3): its items, response range, reverse-scored
/// items, scoring rule, minimum answered items, direction and reliability for the reliable change index.
/// </summary>
public sealed record Instrument(
    string Code,
    string Label,
    IReadOnlyList<string> Items,
    double ResponseMin,
    double ResponseMax,
    bool YesNo,
    IReadOnlyList<string> Reverse,
    ScoringRule Scoring,
    double Multiplier,
    int MinAnswered,
    bool HigherIsBetter,
    double? Reliability,
    bool OnlyWithChildren,
    IReadOnlyList<Band> Bands)
{
    /// <summary>
    /// The score of one questionnaire, or null when too few items are answered (SPEC §3), or the
    /// instrument does not apply (PARENT without children). Reverse scoring (min + max − x) comes first.
    /// </summary>
    public double? Score(IReadOnlyDictionary<string, double> answers, int? children)
    {
        if (OnlyWithChildren && !(children > 0))
        {
            return null;
        }

        double sum = 0;
        int answered = 0;
        foreach (var item in Items)
        {
            if (!answers.TryGetValue(item, out var value))
            {
                continue;
            }

            sum += Reverse.Contains(item) ? ResponseMin + ResponseMax - value : value;
            answered++;
        }

        if (answered < MinAnswered || answered == 0)
        {
            return null;
        }

        return Scoring switch
        {
            ScoringRule.Sum => sum * Multiplier,
            ScoringRule.Mean => sum / answered * Multiplier,
            _ => sum / answered,
        };
    }

    /// <summary>The band with the given label, if the instrument defines it.</summary>
    public Band? BandNamed(string label) => Bands.FirstOrDefault(b => b.Label == label);
}
