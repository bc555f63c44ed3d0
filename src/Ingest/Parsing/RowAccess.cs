using Evaluation.Domain.People;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest.Parsing;

/// <summary>
/// Typed access to the current row for a kind's mapping code. Every failed value is recorded with
/// its column and reason; a row with any failure is quarantined whole.
/// </summary>
public sealed class RowAccess(ITableReader table, HeaderMap map, IngestOptions? limits = null)
{
    private readonly IngestOptions limits = limits ?? IngestSettings.Default.Options;

    private readonly List<IngestError> errors = [];

    public int RowNumber => table.RowNumber;

    public IReadOnlyList<IngestError> Errors => errors;

    public HeaderMap Map => map;

    private object? perFile;

    internal void Reset() => errors.Clear();

    public Cell Cell(string column) => map.IndexOf(column) is int i ? table[i] : Reading.Cell.Empty;

    /// <summary>The cell at a column index of <see cref="Map"/>.</summary>
    public Cell CellAt(int index) => table[index];

    /// <summary>
    /// What a kind works out once per file from the header (the instrument item of each item
    /// column, say) instead of for every row: <paramref name="make"/> runs for the first row only.
    /// </summary>
    public T PerFile<T, TState>(TState state, Func<HeaderMap, TState, T> make)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(make);
        return (T)(perFile ??= make(map, state));
    }

    public void Fail(string column, Cell cell, string reason) =>
        errors.Add(new IngestError(table.RowNumber, column, Masked(column, cell.Text), reason));

    public string? Text(string column, bool required = false)
    {
        var cell = Cell(column);
        if (cell.IsEmpty)
        {
            Missing(column, required);
            return null;
        }

        var text = cell.Text;
        if (HoldsCprNumber(text) || (cell.IsNumber && HoldsCprNumber(WithLeadingZeros(cell.GetNumber()))))
        {
            Fail(column, cell, "looks like a CPR number; a CPR number belongs in the cpr column only and is never stored in clear");
            return null;
        }

        return text;
    }

    /// <summary>
    /// A whole number of at most ten digits written as ten: a CPR number typed into a numeric
    /// spreadsheet cell loses its leading zero (0101801234 becomes 101801234).
    /// </summary>
    private static string WithLeadingZeros(double number) =>
        number is >= 0 and < 1e10 && number == Math.Floor(number) ? ((long)number).ToString("D10", System.Globalization.CultureInfo.InvariantCulture) : "";

    /// <summary>Whether a text holds a valid CPR number (a real birth date), alone or inside a longer text.</summary>
    public static bool HoldsCprNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CprNumber.ContainsCprShape(text) && CprNumber.Candidates(text).Any(c => CprNumber.TryParse(c, out _) is not null);
    }

    /// <summary>
    /// An id (course_id, worker_id, shelter_id): any text, except one holding a valid CPR number,
    /// which is quarantined (masked) rather than stored in clear, as for every text value.
    /// </summary>
    public string? Id(string column, bool required = false) => Text(column, required);

    /// <summary>A date within the accepted years (SPEC §2; 1900–2100 unless configured): a placeholder such as 0001-01-01 is a bad value.</summary>
    public DateOnly? Date(string column, bool required = false)
    {
        var date = Parse<DateOnly>(column, required, ValueParser.TryDate);
        if (date is { } d && (d < limits.EarliestDate || d > limits.LatestDate))
        {
            Fail(column, Cell(column), $"outside the accepted dates {limits.EarliestDate:yyyy-MM-dd} to {limits.LatestDate:yyyy-MM-dd} (a placeholder date?)");
            return null;
        }

        return date;
    }

    public double? Number(string column, bool required = false) => Parse<double>(column, required, ValueParser.TryNumber);

    public bool? YesNo(string column, bool required = false) => Parse<bool>(column, required, ValueParser.TryYesNo);

    public T? Code<T>(string column, bool required = false)
        where T : struct, Enum => Parse<T>(column, required, ValueParser.TryCode);

    public int? WholeNumber(string column, int min, int max, bool required = false)
    {
        var value = Parse<int>(column, required, ValueParser.TryWholeNumber);
        if (value < min || value > max)
        {
            Fail(column, Cell(column), max == int.MaxValue ? $"must be {min} or more" : $"must be between {min} and {max}");
            return null;
        }

        return value;
    }

    private delegate bool TryParser<T>(Cell cell, out T? value, out string? error)
        where T : struct;

    /// <summary>Parses a cell; a bad value is recorded with its reason, an empty one only when a value is required.</summary>
    private T? Parse<T>(string column, bool required, TryParser<T> parser)
        where T : struct
    {
        var cell = Cell(column);
        if (!parser(cell, out var value, out var error))
        {
            Fail(column, cell, error!);
            return null;
        }

        if (value is null)
        {
            Missing(column, required);
        }

        return value;
    }

    /// <summary>A CPR number; numeric XLSX cells lose leading zeros, so they are padded back to ten digits.</summary>
    public CprNumber? Cpr(string column)
    {
        var cell = Cell(column);
        if (cell.IsEmpty)
        {
            Missing(column, required: true);
            return null;
        }

        var text = cell.IsNumber && WithLeadingZeros(cell.GetNumber()) is { Length: > 0 } padded ? padded : cell.Text;
        var cpr = CprNumber.TryParse(text, out var error);
        if (cpr is null)
        {
            Fail(column, cell, error!);
        }

        return cpr;
    }

    /// <summary>Checks that a later date is not before an earlier one (e.g. phase2_start after phase1_start).</summary>
    public void NotBefore(string laterColumn, DateOnly? later, string earlierColumn, DateOnly? earlier)
    {
        if (later is not null && earlier is not null && later < earlier)
        {
            Fail(laterColumn, Cell(laterColumn), $"{laterColumn} is before {earlierColumn}");
        }
    }

    private void Missing(string column, bool required)
    {
        if (required)
        {
            errors.Add(new IngestError(table.RowNumber, column, null, "a value is required here"));
        }
    }

    /// <summary>Anything in a CPR column, or anything that looks like a CPR number, is masked.</summary>
    public static string? Masked(string column, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        // The CPR-shaped part of a longer text is masked where it stands; a value that could be a
        // CPR number written some other way (spaces, a digit too few) is masked whole.
        if (column.Equals("cpr", StringComparison.OrdinalIgnoreCase))
        {
            return CprNumber.Mask(value);
        }

        return CprNumber.ContainsCprShape(value) ? CprNumber.MaskAll(value)
            : CprNumber.LooksLikeCpr(value) ? CprNumber.Mask(value)
            : value;
    }
}
