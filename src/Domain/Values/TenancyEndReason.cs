namespace Evaluation.Domain.Values;

/// <summary>Why a tenancy ended (SPEC §2). Loss reasons end housing retention (SPEC §5).</summary>
public enum TenancyEndReason
{
    Moved,
    Eviction,
    Abandoned,
    ReturnedToShelter,
    MovedToPerpetrator,
    Died,
    Emigrated,
}
