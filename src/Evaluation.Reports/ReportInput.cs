using Evaluation.Analytics.Fidelity;
using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Courses;

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
    MethodNotes Method);
