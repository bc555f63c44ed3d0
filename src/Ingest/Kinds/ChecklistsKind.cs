using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest.Kinds;

/// <summary><c>checklists</c> [tjeklister]: one filled-in checklist, its items as columns (SPEC §4 codes).</summary>
public sealed class ChecklistsKind : KindDefinition<Checklist>
{
    private static readonly HashSet<string> AllItems = Enum.GetValues<ChecklistKind>()
        .SelectMany(ChecklistItems.Of).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public override InputKind Kind => InputKind.Checklists;

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("course_id", Required: true),
        new("checklist", Required: true),
        new("date"),
        new("worker_id"),
    ];

    public override string Key(Checklist record) => $"{record.CourseId}|{Codes.Of(record.Kind)}";

    public override bool IsExtraColumn(string name, ReadContext context) => AllItems.Contains(name);

    public override IEnumerable<string> ExtraColumnNames(ReadContext context) => AllItems;

    public override Checklist? Map(RowAccess row, ReadContext context)
    {
        var course = CourseReference(row, context);
        var kind = row.Code<ChecklistKind>("checklist", required: true);
        var date = row.Date("date");
        var worker = row.Id("worker_id");
        var items = new Dictionary<string, ItemAnswer>(row.Map.Extras.Count);
        if (kind is not null)
        {
            var own = ChecklistItems.Of(kind.Value);
            foreach (var (item, _) in row.Map.Extras)
            {
                var cell = row.Cell(item);
                if (!own.Contains(item))
                {
                    if (!cell.IsEmpty)
                    {
                        row.Fail(item, cell, $"item {item} does not belong to the {Codes.Of(kind.Value)} checklist");
                    }

                    continue;
                }

                if (!ValueParser.TryItemAnswer(cell, out var answer, out var error))
                {
                    row.Fail(item, cell, error!);
                }
                else if (answer is not null)
                {
                    items[item] = answer.Value;
                }
            }
        }

        if (row.Errors.Count > 0 || course is null || kind is null)
        {
            return null;
        }

        return new Checklist(course, kind.Value, date, worker, items);
    }
}
