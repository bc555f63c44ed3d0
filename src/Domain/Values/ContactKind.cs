namespace Evaluation.Domain.Values;

/// <summary>Kinds of contact between CTI worker and citizen (SPEC §2).</summary>
public enum ContactKind
{
    HomeVisit,
    Meeting,
    Phone,
    Accompanied,
    NetworkMeeting,
    HandoverMeeting,
    Other,
}
