using Evaluation.Domain.Places;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest.Kinds;

/// <summary>
/// How one input kind's rows become records (SPEC §2): its columns with Danish aliases, any extra
/// item columns it accepts, the mapping with validation, and the natural key it is loaded on.
/// </summary>
public abstract class KindDefinition<T>
    where T : class
{
    public abstract InputKind Kind { get; }

    public abstract IReadOnlyList<Column> Columns { get; }

    /// <summary>The natural key: a later file with the same key replaces the record (README, "Natural keys").</summary>
    public abstract string Key(T record);

    /// <summary>Whether an unknown header name is an item column this kind accepts.</summary>
    public virtual bool IsExtraColumn(string name, ReadContext context) => false;

    /// <summary>The item columns this kind accepts (from the instrument definitions or the checklists), for suggestions.</summary>
    public virtual IEnumerable<string> ExtraColumnNames(ReadContext context) => [];

    /// <summary>Maps the current row, or returns null after recording why (the row is then quarantined).</summary>
    public abstract T? Map(RowAccess row, ReadContext context);

    /// <summary>
    /// The row's municipality, or its folder's when the row names none (SPEC §2), written as
    /// Denmark's list of municipalities writes it when it is one of them ("Aalborg Kommune" and
    /// "aalborg" are Aalborg; see <see cref="DanishMunicipalities"/>). A municipality called ALL,
    /// or a folder that cannot stand for one (<see cref="ReadContext.FolderProblem"/>), quarantines the row.
    /// </summary>
    protected static string? Municipality(RowAccess row, ReadContext context)
    {
        var cell = row.Cell("municipality");
        if (!cell.IsEmpty)
        {
            var named = row.Text("municipality");
            if (named is not null && named.Equals(DanishMunicipalities.All, StringComparison.OrdinalIgnoreCase))
            {
                row.Fail("municipality", cell, $"{DanishMunicipalities.All} is what the results call all municipalities together; a municipality cannot have that name");
                return null;
            }

            return named is null ? null : DanishMunicipalities.OfficialName(named) ?? named;
        }

        if (context.FolderMunicipality is null)
        {
            row.Fail("municipality", Cell.FromText(context.MunicipalityFolder), context.FolderProblem!);
        }

        return context.FolderMunicipality;
    }

    /// <summary>A row that refers to a course must name one that exists in the database or in the same batch.</summary>
    protected static string? CourseReference(RowAccess row, ReadContext context)
    {
        var id = row.Id("course_id", required: true);
        if (id is not null && !context.CourseExists(id))
        {
            row.Fail("course_id", row.Cell("course_id"), "no course with this course_id (neither in the database nor in this delivery)");
            return null;
        }

        return id;
    }
}
