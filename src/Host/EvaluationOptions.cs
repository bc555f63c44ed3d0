namespace Evaluation.Host;

/// <summary>
/// Configuration, from <c>appsettings.json</c> beside the program, then <c>$EVALUATION_HOME/appsettings.json</c>,
/// then environment variables prefixed <c>EVALUATION_</c> (e.g. <c>EVALUATION_Database__ConnectionString</c>).
/// </summary>
public sealed class EvaluationOptions
{
    public DatabaseOptions Database { get; set; } = new();

    public InstrumentOptions Instruments { get; set; } = new();

    /// <summary>Reading input files (SPEC §2): the column vocabulary's extension, ignored columns, limits.</summary>
    public Ingest.IngestOptions Ingest { get; set; } = new();

    /// <summary>The SPEC §5 settings: national loneliness reference, bootstrap resamples and seed.</summary>
    public Analytics.Outcomes.OutcomeSettings Outcomes { get; set; } = new();

    public ReportOptions Reports { get; set; } = new();

    /// <summary>The SPEC §4 thresholds; the defaults are the method manual's.</summary>
    public Analytics.Fidelity.FidelityThresholds Fidelity { get; set; } = new();

    /// <summary>The scheduled platform (<c>evaluation serve</c>, SPEC §9).</summary>
    public Platform.ServeOptions Serve { get; set; } = new();
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

public sealed class ReportOptions
{
    /// <summary>Counts of persons below this, and statistics on fewer persons, are shown as "&lt;k" (SPEC §7).</summary>
    public int DiscretionThreshold { get; set; } = 5;

    /// <summary>Report language: da (default) or en.</summary>
    public string Language { get; set; } = "da";
}
