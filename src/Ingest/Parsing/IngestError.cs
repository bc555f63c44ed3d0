using System.Text;
using Evaluation.Domain.People;

namespace Evaluation.Ingest.Parsing;

/// <summary>
/// Why a value of an input row was rejected (SPEC §6 <c>errors</c>): row (header = 1; 0 = the file
/// as a whole), column, the value and a reason a municipal clerk understands. Whatever comes from a
/// file is made safe here, once, for every place an error goes (JSON, quarantine table, logs): any
/// CPR-shaped text is masked, control characters are made visible, and long texts are cut.
/// </summary>
public sealed record IngestError
{
    private const int MaxLength = 200;

    public IngestError(int row, string? column, string? value, string reason)
    {
        Row = row;
        Column = Safe(column);
        Value = Safe(value);
        Reason = Safe(reason) ?? "";
    }

    public int Row { get; }

    public string? Column { get; }

    public string? Value { get; }

    public string Reason { get; }

    /// <summary>Text from a file as it may be shown or stored: CPR numbers masked, NUL and control characters visible, at most 200 characters.</summary>
    public static string? Safe(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > MaxLength)
        {
            text = string.Concat(text.AsSpan(0, MaxLength), "…");
        }

        if (text.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0)
        {
            var visible = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                // Control Pictures (U+2400…) show a NUL as ␀: the database refuses a real NUL in text.
                visible.Append(c < ' ' ? (char)('\u2400' + c) : c);
            }

            text = visible.ToString();
        }

        return CprNumber.MaskAll(text);
    }
}
