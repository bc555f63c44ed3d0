using System.Globalization;
using System.Text;

namespace Evaluation.SampleData;

/// <summary>How one municipality's system writes its exports: separator, encoding, header language, date format, yes/no words, XLSX kinds.</summary>
public sealed record Dialect(
    char Separator,
    Encoding Encoding,
    bool DanishHeaders,
    string DateFormat,
    bool DecimalComma,
    string Yes,
    string No,
    IReadOnlySet<string> XlsxKinds)
{
    static Dialect() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The four sample municipalities, each exporting differently, as real municipal systems do.</summary>
    public static Dialect For(string municipality) => municipality switch
    {
        // Windows-1252, semicolons, Danish headers, Danish dates, decimal comma, ja/nej.
        "København" => new(';', Encoding.GetEncoding(1252), true, "dd-MM-yyyy", true, "ja", "nej", new HashSet<string>()),
        // UTF-8 with BOM, commas, English headers, ISO dates.
        "Aalborg" => new(',', new UTF8Encoding(true), false, "yyyy-MM-dd", false, "yes", "no", new HashSet<string>()),
        // Questionnaire answers and checklists come from a survey tool as XLSX.
        "Odense" => new(',', new UTF8Encoding(false), false, "yyyy-MM-dd", false, "yes", "no", new HashSet<string> { "answers", "checklists" }),
        // UTF-8 without BOM, semicolons, dotted Danish dates, 1/0 (Randers, and the generated extra municipalities).
        _ => new(';', new UTF8Encoding(false), false, "dd.MM.yyyy", true, "1", "0", new HashSet<string>()),
    };

    public string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString(DateFormat, CultureInfo.InvariantCulture),
        bool b => b ? Yes : No,
        double x => DecimalComma ? x.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') : x.ToString("0.##", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
