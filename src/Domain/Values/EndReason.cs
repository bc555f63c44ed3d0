namespace Evaluation.Domain.Values;

/// <summary>Why a course ended (SPEC §2).</summary>
public enum EndReason
{
    Completed,
    DroppedOut,
    MovedAway,
    ReturnedToPerpetrator,
    Other,
}
