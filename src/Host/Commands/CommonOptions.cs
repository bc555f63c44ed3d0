using System.CommandLine;
using System.Globalization;

namespace Evaluation.Host.Commands;

/// <summary>Options every user can count on (SPEC §9), defined once.</summary>
public static class CommonOptions
{
    public static Option<DirectoryInfo?> Data()
    {
        var option = new Option<DirectoryInfo?>("--data")
        {
            Description = "Read an inbox-like folder (<dir>/<municipality>/<kind>*.csv|xlsx) instead of the database",
            HelpName = "dir",
        };
        OptionValidation.AcceptExistingOnly(option!); // a mistyped folder is a usage error, found before any work
        return option;
    }

    public static Option<DateOnly> AsOf() => new("--as-of")
    {
        Description = "Compute as of this date; anything later is not yet known",
        HelpName = "yyyy-MM-dd",
        DefaultValueFactory = _ => DateOnly.FromDateTime(DateTime.Today),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"--as-of wants a date as yyyy-MM-dd, not '{text}'");
            return default;
        },
    };

    public static Option<DirectoryInfo> Out(string description) => new("--out")
    {
        Description = description,
        HelpName = "dir",
        Required = true,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON document on stdout",
    };
}
