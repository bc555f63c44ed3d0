namespace Evaluation.Host.Platform.Board;

/// <summary>
/// The pages' one style sheet, inline so a page is a single response. Colours keep at least 4.5:1
/// contrast; overdue rows are marked by text and a border as well as colour; print gives an A4
/// landscape table without navigation or filters, repeating the header row on every sheet.
/// </summary>
internal static class BoardStyle
{
    public const string Css = """
        :root { color: #1b1b1b; background: #ffffff; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.45; }
        body { margin: 0; }
        .skip { position: absolute; left: -10000px; }
        .skip:focus { left: 1rem; top: 1rem; background: #ffffff; padding: .5rem; z-index: 1; }
        header { background: #12355b; color: #ffffff; padding: .5rem 1.5rem; display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; }
        header .site { font-weight: 700; margin: 0; }
        header a { color: #ffffff; }
        nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
        nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
        .lang { margin: 0 0 0 auto; }
        main { padding: 1rem 1.5rem 2rem; max-width: 90rem; }
        h1 { font-size: 1.6rem; margin: .5rem 0; }
        h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
        a { color: #0b4f9e; }
        a:focus, button:focus, select:focus, input:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
        .meta, .note { color: #3d3d3d; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; }
        caption { text-align: left; font-weight: 700; padding: .25rem 0; }
        th, td { border: 1px solid #8c8c8c; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: #e3e8ef; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.overdue th, tr.overdue td { background: #fbe3e4; }
        tr.overdue th:first-child { border-left: 6px solid #a4141c; }
        .status-overdue { color: #8a0f16; font-weight: 700; }
        form.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; margin: .5rem 0; padding: .75rem; background: #f3f5f8; border: 1px solid #c4cbd4; }
        form.filters label { display: flex; flex-direction: column; font-weight: 600; }
        form.filters label.check { flex-direction: row; gap: .4rem; align-items: center; }
        select, button, input { font: inherit; }
        button { background: #12355b; color: #ffffff; border: 0; padding: .35rem 1rem; }
        ul.items { margin: 0; padding-left: 1.1rem; }
        .pager { display: flex; gap: 1rem; }
        footer { padding: 1rem 1.5rem; color: #3d3d3d; border-top: 1px solid #c4cbd4; font-size: .9rem; }
        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          :root { font-size: 9.5pt; }
          header, form.filters, .pager, .skip, footer { display: none; }
          main { padding: 0; max-width: none; }
          a { color: inherit; text-decoration: none; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          tr.overdue th, tr.overdue td { background: #fbe3e4; print-color-adjust: exact; -webkit-print-color-adjust: exact; font-weight: 700; }
        }
        """;
}
