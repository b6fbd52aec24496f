namespace PartyFunctions.Scoring;

/// <summary>What happened at the month's meeting, as the cell reports it beside its points.</summary>
public sealed record MeetingFacts(
    bool Held,
    bool Combined,
    int MembersTotal,
    int MembersExempt,
    int MembersPresent,
    int UnexcusedAbsent,
    int DurationMinutes,
    bool MemberDisciplined)
{
    /// <summary>Members expected at the meeting: all but the exempt.</summary>
    public int MembersExpected => MembersTotal - MembersExempt;
}
