using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evaluation.Domain.Instruments;

/// <summary>
/// The instruments in use, loaded from a definition file (SPEC §3): the shipped default or one
/// the user points configuration to. A bad file fails with a message naming the file and the field.
/// </summary>
public sealed class InstrumentSet
{
    private readonly Dictionary<string, (Instrument Instrument, string Item)> byItem;

    private InstrumentSet(IReadOnlyList<Instrument> instruments, string source)
    {
        All = instruments;
        Source = source;
        byItem = new(StringComparer.OrdinalIgnoreCase);
        foreach (var instrument in instruments)
        {
            foreach (var item in instrument.Items)
            {
                byItem[item] = (instrument, item);
            }
        }
    }

    public IReadOnlyList<Instrument> All { get; }

    /// <summary>Where the definitions came from ("default" or a file path), for the method notes.</summary>
    public string Source { get; }

    public Instrument this[string code] => All.First(i => i.Code == code);

    /// <summary>The instrument an item column belongs to, or null if the column is no item.</summary>
    public (Instrument Instrument, string Item)? FindItem(string column) =>
        byItem.TryGetValue(column, out var found) ? found : null;

    public static InstrumentSet Default { get; } = LoadDefault();

    public static InstrumentSet Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InstrumentDefinitionException($"instrument file {path}: cannot be read ({e.Message.TrimEnd('.')}); expected a readable JSON file (setting Instruments:File)");
        }

        return Parse(text, path);
    }

    public static InstrumentSet Parse(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InstrumentDefinitionException($"{source}: not valid JSON ({e.Message.TrimEnd('.')}); expected the JSON layout of the shipped default (SPEC §3)");
        }

        if (root?["instruments"] is not JsonArray array || array.Count == 0)
        {
            throw new InstrumentDefinitionException($"{source}: expected an object with a non-empty \"instruments\" array");
        }

        var list = new List<Instrument>();
        for (int i = 0; i < array.Count; i++)
        {
            list.Add(ParseOne(array[i] as JsonObject, $"{source}: instruments[{i}]"));
        }

        var duplicateItem = list.SelectMany(x => x.Items).GroupBy(x => x, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicateItem is not null)
        {
            throw new InstrumentDefinitionException($"{source}: item \"{duplicateItem.Key}\" belongs to more than one instrument");
        }

        var duplicateCode = list.GroupBy(x => x.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicateCode is not null)
        {
            throw new InstrumentDefinitionException($"{source}: instrument code \"{duplicateCode.Key}\" is defined twice");
        }

        return new InstrumentSet(list, source);
    }

    private static Instrument ParseOne(JsonObject? o, string where)
    {
        if (o is null)
        {
            throw new InstrumentDefinitionException($"{where}: expected an object");
        }

        string code = Required<string>(o, "code", where);
        where = $"{where} ({code})";
        var items = RequiredArray(o, "items", where);
        if (items.Count == 0)
        {
            throw new InstrumentDefinitionException($"{where}: \"items\" is empty");
        }

        var response = o["response"] as JsonObject ?? throw new InstrumentDefinitionException($"{where}: \"response\" with min and max is missing");
        double min = Required<double>(response, "min", where + ".response");
        double max = Required<double>(response, "max", where + ".response");
        if (max <= min)
        {
            throw new InstrumentDefinitionException($"{where}: response min is {min} and max {max}: response max must be above min");
        }

        var reverse = o["reverse"] is null ? [] : RequiredArray(o, "reverse", where);
        foreach (var r in reverse.Where(r => !items.Contains(r)))
        {
            throw new InstrumentDefinitionException($"{where}: reverse-scored item \"{r}\" is not among its items");
        }

        var scoringText = Required<string>(o, "scoring", where);
        ScoringRule scoring = scoringText switch
        {
            "sum" => ScoringRule.Sum,
            "mean" => ScoringRule.Mean,
            "share" => ScoringRule.Share,
            _ => throw new InstrumentDefinitionException($"{where}: scoring \"{scoringText}\" is not sum, mean or share"),
        };
        int minAnswered = Required<int>(o, "min_answered", where);
        if (minAnswered < 1 || minAnswered > items.Count)
        {
            throw new InstrumentDefinitionException($"{where}: min_answered is {minAnswered}: expected 1 to the number of items ({items.Count})");
        }

        double? reliability = o["reliability"] is null ? null : Required<double>(o, "reliability", where);
        if (reliability is <= 0 or >= 1)
        {
            throw new InstrumentDefinitionException($"{where}: reliability is {reliability}: expected a number strictly between 0 and 1");
        }

        var bands = new List<Band>();
        if (o["bands"] is JsonArray bandArray)
        {
            foreach (var b in bandArray.OfType<JsonObject>())
            {
                bands.Add(new Band(Required<string>(b, "label", where + ".bands"), Required<double>(b, "min", where + ".bands"), Required<double>(b, "max", where + ".bands")));
            }
        }

        return new Instrument(
            code,
            OptionalText(o, "label", where) ?? code,
            items,
            min,
            max,
            Optional<bool>(response, "yes_no", where + ".response") ?? false,
            reverse,
            scoring,
            o["multiplier"] is null ? 1 : Required<double>(o, "multiplier", where),
            minAnswered,
            Required<bool>(o, "higher_is_better", where),
            reliability,
            Optional<bool>(o, "only_with_children", where) ?? false,
            bands);
    }

    private static T Required<T>(JsonObject o, string name, string where)
    {
        try
        {
            if (o[name] is JsonValue value)
            {
                return value.GetValue<T>();
            }
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw WrongType<T>(o, name, where);
        }

        throw new InstrumentDefinitionException($"{where}: \"{name}\" is missing: expected {Expected<T>()}");
    }

    private static T? Optional<T>(JsonObject o, string name, string where)
        where T : struct
    {
        try
        {
            return o[name] is JsonValue value ? value.GetValue<T>() : null;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw WrongType<T>(o, name, where);
        }
    }

    private static string? OptionalText(JsonObject o, string name, string where)
    {
        try
        {
            return o[name] is JsonValue value ? value.GetValue<string>() : null;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw WrongType<string>(o, name, where);
        }
    }

    private static InstrumentDefinitionException WrongType<T>(JsonObject o, string name, string where) =>
        new($"{where}: \"{name}\" is {o[name]?.ToJsonString() ?? "null"}: expected {Expected<T>()}");

    private static string Expected<T>() =>
        typeof(T) == typeof(string) ? "text in quotes"
        : typeof(T) == typeof(bool) ? "true or false"
        : typeof(T) == typeof(int) ? "a whole number"
        : "a number";

    private static List<string> RequiredArray(JsonObject o, string name, string where)
    {
        if (o[name] is not JsonArray a)
        {
            throw new InstrumentDefinitionException($"{where}: \"{name}\" must be an array of item names");
        }

        return a.Select(x => x?.GetValue<string>() ?? throw new InstrumentDefinitionException($"{where}: \"{name}\" holds an empty entry")).ToList();
    }

    private static InstrumentSet LoadDefault()
    {
        using var stream = typeof(InstrumentSet).Assembly.GetManifestResourceStream("Evaluation.Domain.Instruments.instruments.default.json")
            ?? throw new InvalidOperationException("The default instrument file is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "default");
    }
}

/// <summary>An instrument definition file is wrong; the message names the file and the field.</summary>
public sealed class InstrumentDefinitionException(string message) : Exception(message);
