using System.Text;

namespace Evaluation.Export.Tests;

/// <summary>An RFC 4180 reader for the exported CSV files: header and rows, an empty cell as null.</summary>
internal sealed record CsvFile(IReadOnlyList<string> Header, IReadOnlyList<string?[]> Rows)
{
    public static CsvFile Read(string path)
    {
        var records = Parse(File.ReadAllText(path, new UTF8Encoding(false)));
        return new CsvFile(records[0]!, [.. records.Skip(1).Select(r => r.Select(v => v.Length == 0 ? null : v).ToArray())]);
    }

    public int Column(string name) => Header.ToList().IndexOf(name) is var i and >= 0 ? i : throw new KeyNotFoundException(name);

    public IEnumerable<string?> Values(string name)
    {
        int column = Column(name);
        return Rows.Select(r => r[column]);
    }

    private static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var record = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add([.. record]);
                record.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        return records;
    }
}
