using Evaluation.Analytics.Fidelity;
using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.People;
using Evaluation.Ingest;
using Evaluation.SampleData;
using Evaluation.TestSupport;

namespace Evaluation.Reports.Tests;

/// <summary>Workbooks written once from 300 synthetic courses, one worker id made to look like a formula, in Danish and English.</summary>
public sealed class ReportFixture : IDisposable
{
    public const string FormulaWorker = "=HYPERLINK(\"http://evil.example\",\"click\")";
    private readonly TempFolder folder = new();

    public ReportFixture()
    {
        var tables = new SampleGenerator(1, SampleGenerator.DefaultExtractionDate).Generate(300);

        // Text from input must never become a formula: one worker's id looks like one.
        var courses = tables["Randers"]["courses"];
        courses.Rows.First(r => (string?)r[courses.IndexOf("group")] == "CTI" && r[courses.IndexOf("phase1_start")] is not null)[courses.IndexOf("worker_id")] = FormulaWorker;
        InboxWriter.Write(folder.Combine("inbox"), tables);
        var (data, files) = new FolderReader(new Pseudonymizer(new byte[32]), InstrumentSet.Default).Read(folder.Combine("inbox"));
        var quality = files.SelectMany(f => f.Errors.Where(e => e.Row > 1).GroupBy(e => e.Reason).Select(g => new QualityRow(f.File, f.Kind, g.Key, g.Count()))).ToList();
        Input = ReportInput.Compute(data, new DateOnly(2026, 10, 31), InstrumentSet.Default, new FidelityThresholds(), new OutcomeSettings { BootstrapResamples = 50, LonelinessReference = 0.12, LonelinessReferenceLabel = "test" }, quality, "test");
        Danish = Input.WriteWorkbooks(folder.Combine("da"), new Labels("da"), 5).Files;
        English = Input.WriteWorkbooks(folder.Combine("en"), new Labels("en"), 5, "Odense").Files;
    }

    public ReportInput Input { get; }

    public IReadOnlyList<string> Danish { get; }

    public IReadOnlyList<string> English { get; }

    public void Dispose() => folder.Dispose();
}
