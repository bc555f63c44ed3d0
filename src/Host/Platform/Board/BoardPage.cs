using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Evaluation.Host.Platform.Board;

/// <summary>
/// One request to a manager page: its language (<c>?lang=</c>, else the cookie it set, else Danish),
/// the query's filters, and formatting (dates dd-MM-yyyy in both languages).
/// </summary>
public sealed class BoardPage
{
    public const string LanguageCookie = "evaluation_lang";

    public BoardPage(HttpContext http, bool maySeeInternal)
    {
        ArgumentNullException.ThrowIfNull(http);
        Http = http;
        MaySeeInternal = maySeeInternal;
        var asked = http.Request.Query["lang"].ToString();
        if (asked is "da" or "en")
        {
            Language = asked;
            http.Response.Cookies.Append(LanguageCookie, asked, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = TimeSpan.FromDays(365) });
        }
        else
        {
            Language = http.Request.Cookies[LanguageCookie] is "en" ? "en" : "da";
        }

        Culture = CultureInfo.GetCultureInfo(Language == "da" ? "da-DK" : "en-GB");
    }

    public HttpContext Http { get; }

    public string Language { get; }

    public CultureInfo Culture { get; }

    /// <summary>Loopback, or signed in: may see the internal management workbook.</summary>
    public bool MaySeeInternal { get; }

    public string this[string key] => BoardText.Get(key, Language);

    public string Format(string key, params object?[] values) => string.Format(Culture, this[key], values);

    /// <summary>A query value, or null when absent or empty.</summary>
    public string? Query(string name) => Http.Request.Query[name].ToString() is { Length: > 0 } value ? value : null;

    public int PageNumber => int.TryParse(Query("page"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 1;

    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>A moment in the server's local time, dd-MM-yyyy HH:mm.</summary>
    public static string Time(DateTimeOffset moment) => moment.ToLocalTime().ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    public string Number(double? value, int decimals = 1) =>
        value is { } v ? v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), Culture) : this["unknown"];

    public string Count(int value) => value.ToString("N0", Culture);

    public string Percent(double? share) => share is { } s ? (100 * s).ToString("F0", Culture) + " %" : this["unknown"];

    /// <summary>A link within the pages that keeps the language; query values are URL-encoded, null ones left out.</summary>
    public string Url(string path, params (string Name, string? Value)[] query) => Build(path, Language, query);

    /// <summary>The same page and filters in the other language.</summary>
    public string SwitchUrl()
    {
        var other = Language == "da" ? "en" : "da";
        var query = Http.Request.Query.Where(q => q.Key != "lang").Select(q => (q.Key, (string?)q.Value.ToString())).ToArray();
        return Build(Http.Request.Path.Value ?? "/", other, query);
    }

    private static string Build(string path, string language, (string Name, string? Value)[] query)
    {
        var text = new StringBuilder(path).Append("?lang=").Append(language);
        foreach (var (name, value) in query)
        {
            if (!string.IsNullOrEmpty(value))
            {
                text.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return text.ToString();
    }
}
