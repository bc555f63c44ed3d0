using System.Globalization;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.Values;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest.Kinds;

/// <summary>
/// <c>answers</c> [besvarelser]: one questionnaire at one wave. Item columns come from the
/// instrument definitions; a value outside its response range is quarantined, never made missing (SPEC §3).
/// </summary>
public sealed class AnswersKind : KindDefinition<Answer>
{
    public override InputKind Kind => InputKind.Answers;

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("course_id", Required: true),
        new("wave", Required: true),
        new("answered_date"),
    ];

    public override string Key(Answer record) => $"{record.CourseId}|{Codes.Of(record.Wave)}";

    public override bool IsExtraColumn(string name, ReadContext context) => context.Instruments.FindItem(name) is not null;

    public override IEnumerable<string> ExtraColumnNames(ReadContext context) => context.Instruments.All.SelectMany(i => i.Items);

    public override Answer? Map(RowAccess row, ReadContext context)
    {
        var course = CourseReference(row, context);
        var wave = row.Code<Wave>("wave", required: true);
        var date = row.Date("answered_date");
        var columns = row.PerFile(context.Instruments, static (map, instruments) =>
            map.Extras.Select(e =>
            {
                var (instrument, item) = instruments.FindItem(e.Key)!.Value;
                return new ItemColumn(e.Key, e.Value, instrument, item);
            }).ToArray());
        var items = new Dictionary<string, double>(columns.Length);
        foreach (var (column, index, instrument, item) in columns)
        {
            var cell = row.CellAt(index);
            if (cell.IsEmpty)
            {
                continue;
            }

            double? value;
            if (instrument.YesNo)
            {
                if (!ValueParser.TryYesNo(cell, out var yes, out var error))
                {
                    row.Fail(column, cell, error!);
                    continue;
                }

                value = yes!.Value ? 1 : 0;
            }
            else if (!ValueParser.TryNumber(cell, out value, out var error))
            {
                row.Fail(column, cell, error!);
                continue;
            }

            if (value < instrument.ResponseMin || value > instrument.ResponseMax || value != Math.Floor(value!.Value))
            {
                row.Fail(column, cell, string.Create(CultureInfo.InvariantCulture, $"outside the {instrument.Code} response range (whole numbers {instrument.ResponseMin}–{instrument.ResponseMax})"));
                continue;
            }

            items[item] = value!.Value;
        }

        if (row.Errors.Count > 0 || course is null || wave is null)
        {
            return null;
        }

        return new Answer(course, wave.Value, date, items);
    }

    /// <summary>An item column of the file: its name, index, and the instrument item it holds.</summary>
    private sealed record ItemColumn(string Column, int Index, Instrument Instrument, string Item);
}
