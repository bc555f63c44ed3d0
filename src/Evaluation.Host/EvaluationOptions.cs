namespace Evaluation.Host;

/// <summary>
/// Configuration, from <c>appsettings.json</c> beside the program, then <c>$EVALUATION_HOME/appsettings.json</c>,
/// then environment variables prefixed <c>EVALUATION_</c> (e.g. <c>EVALUATION_Database__ConnectionString</c>).
/// </summary>
public sealed class EvaluationOptions
{
    public DatabaseOptions Database { get; set; } = new();

    public InstrumentOptions Instruments { get; set; } = new();

    public OutcomeOptions Outcomes { get; set; } = new();

    /// <summary>The SPEC §4 thresholds; the defaults are the method manual's.</summary>
    public Analytics.Fidelity.FidelityThresholds Fidelity { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary>Replaces the embedded cluster when set (as does <c>EVALUATION_DB</c>).</summary>
    public string? ConnectionString { get; set; }
}

public sealed class InstrumentOptions
{
    /// <summary>An instrument definition file replacing the shipped default (SPEC §3).</summary>
    public string? File { get; set; }
}

public sealed class OutcomeOptions
{
    /// <summary>National reference share of high loneliness (0–1), shown beside the product's shares; none by default.</summary>
    public double? LonelinessReference { get; set; }

    /// <summary>Where the reference comes from, e.g. "Danskernes Sundhed 2021, fraskilte kvinder 30–44 år".</summary>
    public string? LonelinessReferenceLabel { get; set; }
}
