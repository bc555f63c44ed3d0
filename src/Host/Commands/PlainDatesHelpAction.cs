using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;

namespace Evaluation.Host.Commands;

/// <summary>
/// Help that shows the default of <c>--as-of</c> as "today" instead of a US-formatted date.
/// System.CommandLine 2.0 writes a default with its <c>ToString()</c> in the current culture and keeps
/// its help builder internal, so help is written in a culture whose short date is the word "today":
/// the only date option with a default is <c>--as-of</c>, and its default is today.
/// </summary>
public sealed class PlainDatesHelpAction(HelpAction help) : SynchronousCommandLineAction
{
    private static readonly CultureInfo HelpCulture = MakeHelpCulture();

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = HelpCulture;
        try
        {
            return help.Invoke(parseResult);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static CultureInfo MakeHelpCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.ShortDatePattern = "'today'";
        return CultureInfo.ReadOnly(culture);
    }
}
