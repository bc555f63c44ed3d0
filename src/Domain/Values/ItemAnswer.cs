namespace Evaluation.Domain.Values;

/// <summary>An answer to a checklist item: yes, no, or not applicable (SPEC §2).</summary>
public enum ItemAnswer
{
    Yes,
    No,
    NotApplicable,
}
