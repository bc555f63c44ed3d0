namespace Evaluation.Domain.Values;

/// <summary>Questionnaire waves (SPEC §2).</summary>
public enum Wave
{
    Baseline,
    M3,
    M6,
    End,
    Followup,
}
