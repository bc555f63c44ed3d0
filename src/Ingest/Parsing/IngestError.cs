namespace Evaluation.Ingest.Parsing;

/// <summary>
/// Why a value of an input row was rejected (SPEC §6 <c>errors</c>): row (header = 1), column,
/// the value (masked when it could be a CPR number) and a reason a municipal clerk understands.
/// </summary>
public sealed record IngestError(int Row, string? Column, string? Value, string Reason);
