using Evaluation.Domain.Values;

namespace Evaluation.Domain.Courses;

/// <summary>The item codes of each checklist, from the CTI method manual (SPEC §4).</summary>
public static class ChecklistItems
{
    public static IReadOnlyList<string> Of(ChecklistKind kind) => kind switch
    {
        ChecklistKind.Contact => ["c1", "c2", "c3"],
        ChecklistKind.Phase2 => ["p2_1", "p2_2", "p2_3", "p2_4", "p2_5", "p2_6", "p2_7", "p2_8"],
        ChecklistKind.Phase3 => ["p3_1", "p3_2"],
        _ => ["a1", "a2", "a3", "a4"],
    };
}
