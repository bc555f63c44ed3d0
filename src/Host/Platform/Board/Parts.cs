namespace Evaluation.Host.Platform.Board;

/// <summary>Pieces more than one page uses: the note when there are no results, the filter form (plain GET, works without JavaScript) and the pager.</summary>
public static class Parts
{
    /// <summary>Rows per table page: a long table stays quick to send and to print.</summary>
    public const int PageSize = 500;

    /// <summary>The note where results belong but there are none: none published yet, or the latest run's are missing.</summary>
    public static void NoResults(Html html, BoardPage page, ResultRun? run)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(page);
        html.Element("p", run is null ? page["none"] : page.Format("missing", BoardPage.Date(run.AsOf)), ("class", "note"));
    }

    /// <summary>The municipality and worker filters; the worker list narrows to the chosen municipality.</summary>
    public static void Filters(Html html, BoardPage page, string action, BoardResults results, bool withOverdue)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(results);
        var municipality = page.Query("municipality");
        var worker = page.Query("worker");
        html.Open("form", ("class", "filters"), ("method", "get"), ("action", action), ("aria-label", page["filter"]));
        html.Open("input", ("type", "hidden"), ("name", "lang"), ("value", page.Language));

        html.Open("label", ("for", "municipality")).Text(page["col.municipality"]);
        html.Open("select", ("id", "municipality"), ("name", "municipality"));
        html.Element("option", page["filter.all"], ("value", ""));
        foreach (var m in results.Municipalities)
        {
            html.Element("option", m, ("value", m), ("selected", m == municipality ? "selected" : null));
        }

        html.Close("select").Close("label");

        html.Open("label", ("for", "worker")).Text(page["col.worker"]);
        html.Open("select", ("id", "worker"), ("name", "worker"));
        html.Element("option", page["filter.all"], ("value", ""));
        foreach (var w in results.Workers.Where(w => municipality is null || w.Municipality == municipality).Select(w => w.WorkerId).Distinct())
        {
            html.Element("option", w, ("value", w), ("selected", w == worker ? "selected" : null));
        }

        html.Close("select").Close("label");
        if (withOverdue)
        {
            html.Open("label", ("class", "check"), ("for", "overdue"));
            html.Open("input", ("type", "checkbox"), ("id", "overdue"), ("name", "overdue"), ("value", "1"), ("checked", page.Query("overdue") == "1" ? "checked" : null));
            html.Text(page["filter.overdue"]).Close("label");
        }

        html.Element("button", page["filter.apply"], ("type", "submit"));
        html.Link(page.Url(action), page["filter.clear"]);
        html.Close("form");
    }

    /// <summary>The rows of the requested table page, and the pager under the table when there is more than one.</summary>
    public static IReadOnlyList<T> Paged<T>(BoardPage page, IReadOnlyList<T> rows)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(rows);
        int pages = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        int number = Math.Min(page.PageNumber, pages);
        return rows.Skip((number - 1) * PageSize).Take(PageSize).ToList();
    }

    public static void Pager(Html html, BoardPage page, string action, int count, params (string Name, string? Value)[] filters)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(page);
        int pages = Math.Max(1, (count + PageSize - 1) / PageSize);
        int number = Math.Min(page.PageNumber, pages);
        if (count > 0)
        {
            html.Element("p", page.Format("shown", page.Count(((number - 1) * PageSize) + 1), page.Count(Math.Min(count, number * PageSize)), page.Count(count)), ("class", "note"));
        }

        if (pages == 1)
        {
            return;
        }

        html.Open("nav", ("class", "pager"), ("aria-label", page["pager.label"]));
        if (number > 1)
        {
            html.Link(page.Url(action, [.. filters, ("page", (number - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))]), page["pager.previous"]);
        }

        html.Element("span", page.Format("pager", number, pages));
        if (number < pages)
        {
            html.Link(page.Url(action, [.. filters, ("page", (number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))]), page["pager.next"]);
        }

        html.Close("nav");
    }
}
