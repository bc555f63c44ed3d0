namespace Evaluation.Domain.Values;

/// <summary>Which intervention a course belongs to (SPEC §1): CTI, or ordinary coordinating counselling (KR).</summary>
public enum Group
{
    Cti,
    Kr,
}
