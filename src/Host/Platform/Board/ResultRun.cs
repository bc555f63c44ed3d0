namespace Evaluation.Host.Platform.Board;

/// <summary>One row of <c>result_runs</c>: a publish of outcomes and fidelity (and, when asked, workbooks) into a folder.</summary>
public sealed record ResultRun(long Id, long DataVersion, DateOnly AsOf, bool Workbooks, DateTimeOffset FinishedAt, string Folder);
