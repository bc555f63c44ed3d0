using Evaluation.Analytics;
using Evaluation.Analytics.Fidelity;
using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Instruments;

namespace Evaluation.Reports;

/// <summary>Rows that could not be used, by file and reason (from the quarantine), for the data-quality sheet.</summary>
public sealed record QualityRow(string File, string Kind, string Reason, int Rows);

/// <summary>What the method notes print beside the definitions.</summary>
public sealed record MethodNotes(string SoftwareVersion, string InstrumentSource, FidelityThresholds Thresholds, OutcomeSettings Settings);

/// <summary>Everything one reporting run needs: the data, the computed results and the survival curves.</summary>
public sealed record ReportInput(
    Dataset Data,
    DateOnly AsOf,
    OutcomesReport Outcomes,
    FidelityReport Fidelity,
    IReadOnlyList<CaseloadMonth> Caseload,
    HousingFollowUp Housing,
    ShelterFollowUp Shelter,
    IReadOnlyList<QualityRow> Quality,
    MethodNotes Method)
{
    /// <summary>Computes outcomes, fidelity, caseload and the survival follow-ups once for all workbooks of a run.</summary>
    public static ReportInput Compute(Dataset data, DateOnly asOf, InstrumentSet instruments, FidelityThresholds thresholds, OutcomeSettings settings, IReadOnlyList<QualityRow> quality, string softwareVersion)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var fidelity = new FidelityCalculator(thresholds);
        var index = new CourseIndex(data, new AsOf(asOf));
        return new ReportInput(
            data,
            asOf,
            new OutcomesCalculator(instruments, settings).Calculate(data, asOf),
            fidelity.Calculate(data, asOf),
            fidelity.Caseload(index),
            new HousingFollowUp(index, settings),
            new ShelterFollowUp(index, settings),
            quality,
            new MethodNotes(softwareVersion, instruments.Source, thresholds, settings));
    }

    /// <summary>Writes one workbook per municipality (or only <paramref name="municipality"/>) and, for all, the cross-municipality workbook.</summary>
    public IReadOnlyList<string> WriteWorkbooks(string folder, Labels labels, Disclosure disclosure, string? municipality = null)
    {
        var written = new List<string>();
        foreach (var m in Data.Courses.Select(c => c.Municipality).Distinct().Order(StringComparer.Ordinal).Where(m => municipality is null || m == municipality))
        {
            written.Add(new Workbooks.ReportWorkbook(this, m, labels, disclosure).Write(folder));
        }

        if (municipality is null)
        {
            written.Add(new Workbooks.ReportWorkbook(this, OutcomesCalculator.All, labels, disclosure).Write(folder));
        }

        return written;
    }
}
