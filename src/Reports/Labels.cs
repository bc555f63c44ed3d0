using System.Globalization;
using System.Resources;

namespace Evaluation.Reports;

/// <summary>Every label of the reports, from resource files: Danish by default, English with <c>--lang en</c>.</summary>
public sealed class Labels
{
    private static readonly ResourceManager Resources = new("Evaluation.Reports.Resources.Labels", typeof(Labels).Assembly);
    private readonly CultureInfo culture;

    public Labels(string language)
    {
        Language = language is "en" or "da" ? language : throw new ArgumentException($"Unknown language '{language}': use da or en.", nameof(language));
        culture = CultureInfo.GetCultureInfo(language == "da" ? "da-DK" : "en-GB");
    }

    public string Language { get; }

    public CultureInfo Culture => culture;

    public string this[string key] =>
        Resources.GetString(key, culture) ?? throw new KeyNotFoundException($"No label '{key}' in the report resources.");

    /// <summary>The label, or null when the resources have none (an instrument added by configuration, say).</summary>
    public string? TryGet(string key) => Resources.GetString(key, culture);

    public string Format(string key, params object[] values) => string.Format(culture, this[key], values);
}
