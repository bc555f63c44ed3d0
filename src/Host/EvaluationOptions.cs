using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Evaluation.Host;

/// <summary>
/// Configuration, from <c>appsettings.json</c> beside the program, then <c>$EVALUATION_HOME/appsettings.json</c>,
/// then environment variables prefixed <c>EVALUATION_</c> (e.g. <c>EVALUATION_Database__ConnectionString</c>).
/// <see cref="Load"/> checks every value (type, range, spelling of the key) before any command runs.
/// </summary>
public sealed class EvaluationOptions
{
    public DatabaseOptions Database { get; set; } = new();

    public InstrumentOptions Instruments { get; set; } = new();

    /// <summary>Reading input files (SPEC §2): the column vocabulary's extension, ignored columns, limits.</summary>
    public Ingest.IngestOptions Ingest { get; set; } = new();

    /// <summary>The SPEC §5 settings: national loneliness reference, bootstrap resamples and seed.</summary>
    public Analytics.Outcomes.OutcomeSettings Outcomes { get; set; } = new();

    public ReportOptions Reports { get; set; } = new();

    /// <summary>The SPEC §4 thresholds; the defaults are the method manual's.</summary>
    public Analytics.Fidelity.FidelityThresholds Fidelity { get; set; } = new();

    /// <summary>The scheduled platform (<c>evaluation serve</c>, SPEC §9).</summary>
    public Platform.ServeOptions Serve { get; set; } = new();

    /// <summary>
    /// Binds the configuration after checking it. With problems, the options are the defaults (so
    /// <c>--help</c> still works) and the problems say which key, where it was set, the value and what
    /// is expected; no command may run on them.
    /// </summary>
    public static (EvaluationOptions Options, IReadOnlyList<ConfigurationProblem> Problems) Load(IConfigurationRoot configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<ConfigurationProblem>();
        var sections = configuration.GetChildren()
            .Select(s => (Section: s, Property: typeof(EvaluationOptions).GetProperty(s.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)))
            .Where(s => s.Property is not null);

        // Top-level keys are not checked for spelling: EVALUATION_HOME, EVALUATION_DB and EVALUATION_DEBUG land there.
        foreach (var (section, property) in sections)
        {
            CheckTypes(configuration, section, property!.PropertyType, problems);
        }

        if (problems.Count > 0)
        {
            return (new EvaluationOptions(), problems);
        }

        var options = configuration.Get<EvaluationOptions>() ?? new EvaluationOptions();
        CheckRanges(configuration, options, problems);
        return problems.Count > 0 ? (new EvaluationOptions(), problems) : (options, problems);
    }

    /// <summary>Every value converts to its setting's type, and every key inside a known section is a setting.</summary>
    private static void CheckTypes(IConfigurationRoot root, IConfigurationSection section, Type type, List<ConfigurationProblem> problems)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                var closest = Spelling.Closest(child.Key, properties.Keys);
                problems.Add(new ConfigurationProblem(child.Path, child.Value, closest is null
                    ? $"one of the settings of {section.Path}: {string.Join(", ", properties.Keys)}"
                    : $"a setting of {section.Path}; did you mean {section.Path}:{closest}?", SourceOf(root, child.Path), NotASetting: true));
                continue;
            }

            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (Expected(valueType) is { } expected)
            {
                CheckValue(root, child, valueType, property.PropertyType != valueType, expected, problems);
            }
            else if (valueType.IsGenericType && valueType.GetGenericTypeDefinition() == typeof(List<>))
            {
                var itemType = valueType.GetGenericArguments()[0];
                foreach (var item in child.GetChildren())
                {
                    CheckValue(root, item, itemType, false, $"{Expected(itemType)} (each item of the list)", problems);
                }
            }
            else if (valueType.IsClass && valueType != typeof(string))
            {
                CheckTypes(root, child, valueType, problems);
            }
        }
    }

    private static void CheckValue(IConfigurationRoot root, IConfigurationSection setting, Type type, bool nullable, string expected, List<ConfigurationProblem> problems)
    {
        if (setting.Value is null || type == typeof(string) || (nullable && setting.Value.Length == 0))
        {
            return;
        }

        try
        {
            // The converter the configuration binder itself uses, so what passes here binds.
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(setting.Value);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            problems.Add(new ConfigurationProblem(setting.Path, setting.Value, expected, SourceOf(root, setting.Path)));
        }
    }

    private static string? Expected(Type type) =>
        type == typeof(int) ? "a whole number"
        : type == typeof(double) ? "a number, with a point for decimals (e.g. 0.25)"
        : type == typeof(bool) ? "true or false"
        : type == typeof(string) ? "text"
        : null;

    /// <summary>The ranges the statistics and the platform need (SPEC §4, §5, §7, §9).</summary>
    private static void CheckRanges(IConfigurationRoot root, EvaluationOptions o, List<ConfigurationProblem> problems)
    {
        void Check(bool ok, string key, object? value, string expected)
        {
            if (!ok)
            {
                problems.Add(new ConfigurationProblem(key, Convert.ToString(value, CultureInfo.InvariantCulture), expected, SourceOf(root, key)));
            }
        }

        const string days = "a whole number of days, 0 or more";
        var outcomes = o.Outcomes;
        Check(outcomes.LonelinessReference is null or (>= 0 and <= 1), "Outcomes:LonelinessReference", outcomes.LonelinessReference, "a share between 0 and 1 (e.g. 0.12), or empty for none");
        Check(outcomes.BootstrapResamples >= 1, "Outcomes:BootstrapResamples", outcomes.BootstrapResamples, "a whole number, 1 or more (SPEC §5: 1000)");
        Check(outcomes.TenancyWindowDays >= 0, "Outcomes:TenancyWindowDays", outcomes.TenancyWindowDays, days);
        Check(outcomes.SameStayGapDays >= 0, "Outcomes:SameStayGapDays", outcomes.SameStayGapDays, days);

        var f = o.Fidelity;
        Check(f.PhaseMinDays >= 0, "Fidelity:PhaseMinDays", f.PhaseMinDays, days);
        Check(f.PhaseMaxDays >= f.PhaseMinDays, "Fidelity:PhaseMaxDays", f.PhaseMaxDays, $"a whole number of days, at least Fidelity:PhaseMinDays ({f.PhaseMinDays})");
        Check(f.Phase1EarliestDaysBeforeMoveIn >= 0, "Fidelity:Phase1EarliestDaysBeforeMoveIn", f.Phase1EarliestDaysBeforeMoveIn, days);
        Check(f.HandoverDaysBeforeEnd >= 0, "Fidelity:HandoverDaysBeforeEnd", f.HandoverDaysBeforeEnd, days);
        Check(f.DocumentationWindowDays >= 0, "Fidelity:DocumentationWindowDays", f.DocumentationWindowDays, days);
        Check(f.DocumentationDueAfterDays >= 0, "Fidelity:DocumentationDueAfterDays", f.DocumentationDueAfterDays, days);
        Check(f.ContactPeriodOverdueDays >= 0, "Fidelity:ContactPeriodOverdueDays", f.ContactPeriodOverdueDays, days);
        Check(f.PhaseOverdueDays >= 0, "Fidelity:PhaseOverdueDays", f.PhaseOverdueDays, days);
        Check(f.CaseloadLimit > 0, "Fidelity:CaseloadLimit", f.CaseloadLimit, "a number of courses per full-time worker above 0 (the manual: 10)");
        Check(f.HighBand is >= 0 and <= 100, "Fidelity:HighBand", f.HighBand, "a fidelity percentage from 0 to 100 (the manual: 80)");
        Check(f.ModerateBand >= 0 && f.ModerateBand <= f.HighBand, "Fidelity:ModerateBand", f.ModerateBand, $"a fidelity percentage from 0 to Fidelity:HighBand ({f.HighBand.ToString(CultureInfo.InvariantCulture)})");

        Check(o.Reports.DiscretionThreshold >= 1, "Reports:DiscretionThreshold", o.Reports.DiscretionThreshold, "a whole number of persons, 1 or more (SPEC §7: 5)");
        Check(o.Reports.Language is "da" or "en", "Reports:Language", o.Reports.Language, "da or en");

        var s = o.Serve;
        Check(IPAddress.TryParse(s.Bind, out _), "Serve:Bind", s.Bind, "an IP address: 127.0.0.1, or 0.0.0.0 for every interface");
        Check(s.Port is >= 1 and <= 65535, "Serve:Port", s.Port, "a port number from 1 to 65535");
        Check(s.SettleSeconds >= 0, "Serve:SettleSeconds", s.SettleSeconds, "a whole number of seconds, 0 or more");
        Check(s.WorkerCount >= 1, "Serve:WorkerCount", s.WorkerCount, "a whole number, 1 or more");
        Check(s.InvisibilityTimeoutSeconds >= 1, "Serve:InvisibilityTimeoutSeconds", s.InvisibilityTimeoutSeconds, "a whole number of seconds, 1 or more");
        Check(s.PollSeconds >= 1, "Serve:PollSeconds", s.PollSeconds, "a whole number of seconds, 1 or more");
        for (int i = 0; i < (s.RetryDelaysSeconds?.Count ?? 0); i++)
        {
            Check(s.RetryDelaysSeconds![i] >= 0, $"Serve:RetryDelaysSeconds:{i}", s.RetryDelaysSeconds[i], "a whole number of seconds, 0 or more");
        }

        foreach (var (key, cron) in new[] { ("Serve:Schedule:Inbox", s.Schedule.Inbox), ("Serve:Schedule:Recompute", s.Schedule.Recompute), ("Serve:Schedule:Reports", s.Schedule.Reports) })
        {
            int fields = cron?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
            Check(cron is ['@', ..] || fields is 5 or 6, key, cron, "a cron expression of five fields (minute hour day month weekday), or six with seconds first");
        }
    }

    /// <summary>Where a key's value comes from, for the message: the last source that sets it wins.</summary>
    private static string SourceOf(IConfigurationRoot root, string key)
    {
        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out _))
            {
                return provider switch
                {
                    Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider =>
                        $"environment variable EVALUATION_{key.Replace(":", "__", StringComparison.Ordinal)}",
                    FileConfigurationProvider file => file.Source.FileProvider?.GetFileInfo(file.Source.Path ?? "").PhysicalPath ?? file.Source.Path ?? "a settings file",
                    _ => provider.ToString() ?? "configuration",
                };
            }
        }

        return "default";
    }
}

/// <summary>One configuration value that cannot be used: its key, where it was set, the value and what is expected.</summary>
public sealed record ConfigurationProblem(string Key, string? Value, string Expected, string Source, bool NotASetting = false)
{
    /// <summary>A settings file that cannot be read at all (not JSON, not readable): no key of it can be trusted.</summary>
    public static ConfigurationProblem UnreadableFile(string reason) => new("", reason, "a readable JSON file of settings, e.g. { \"Outcomes\": { \"BootstrapResamples\": 1000 } }", "");

    /// <summary>One line for stderr.</summary>
    public override string ToString() =>
        Key.Length == 0 ? $"configuration: {Value}: expected {Expected}"
        : NotASetting ? $"configuration: {Key} ({Source}) is not a setting: expected {Expected}"
        : $"configuration: {Key} is \"{Value}\" ({Source}): expected {Expected}";
}

public sealed class DatabaseOptions
{
    /// <summary>Replaces the embedded cluster when set (as does <c>EVALUATION_DB</c>).</summary>
    public string? ConnectionString { get; set; }
}

public sealed class InstrumentOptions
{
    /// <summary>An instrument definition file replacing the shipped default (SPEC §3).</summary>
    public string? File { get; set; }
}

public sealed class ReportOptions
{
    /// <summary>Counts of persons below this, and statistics on fewer persons, are shown as "&lt;k" (SPEC §7).</summary>
    public int DiscretionThreshold { get; set; } = 5;

    /// <summary>Report language: da (default) or en.</summary>
    public string Language { get; set; } = "da";
}
