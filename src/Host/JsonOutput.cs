using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evaluation.Host;

/// <summary>The one JSON document a <c>--json</c> command prints on stdout: snake_case keys, plain numbers, nulls kept (SPEC §6).</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static void Write<T>(T document)
    {
        var text = JsonSerializer.Serialize(document, Options);
        System.Console.Out.WriteLine(text);
    }
}
