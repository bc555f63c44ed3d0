namespace Evaluation.Domain.Values;

/// <summary>The checklists of the CTI method manual, one per phase transition (SPEC §4).</summary>
public enum ChecklistKind
{
    Contact,
    Phase2,
    Phase3,
    Closure,
}
