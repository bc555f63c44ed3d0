using System.Globalization;

namespace Evaluation.Analytics.Tests.Reference;

/// <summary>Reads the small CSV tables written by make-reference.R (no commas inside values).</summary>
internal sealed class ReferenceTable
{
    private readonly string[] header;

    private ReferenceTable(string[] header, List<string[]> rows)
    {
        this.header = header;
        Rows = rows;
    }

    public List<string[]> Rows { get; }

    public static ReferenceTable Load(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", name));
        static string[] Split(string line) => line.Split(',').Select(v => v.Trim('"')).ToArray();
        return new ReferenceTable(Split(lines[0]), lines.Skip(1).Where(l => l.Length > 0).Select(Split).ToList());
    }

    public string Text(string[] row, string column) => row[Array.IndexOf(header, column)];

    public double Number(string[] row, string column) => double.Parse(Text(row, column), CultureInfo.InvariantCulture);

    public double? NumberOrNull(string[] row, string column) => Text(row, column) is "NA" ? null : Number(row, column);

    public IEnumerable<string[]> Where(string column, string value) => Rows.Where(r => Text(r, column) == value);
}
