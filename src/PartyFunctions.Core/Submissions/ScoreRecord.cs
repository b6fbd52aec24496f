using PartyFunctions.Scoring;

namespace PartyFunctions.Submissions;

/// <summary>
/// A cell's stored score for one month: what the cell entered (points and meeting facts), what the policy engine
/// made of it (total, band, reason codes), and, once the superior has looked at it, the <see cref="Confirmation"/>,
/// which prevails. <see cref="SuperiorId"/> is the cell's direct superior at the time of the first submission: the
/// store partitions by it so that a superior's month or year is one partition scan. <see cref="ReceiptId"/> names
/// the submission (or confirmation) that produced this version; <see cref="Version"/> counts them from 1.
/// </summary>
public sealed record ScoreRecord(
    string UnitId,
    string SuperiorId,
    ScorePeriod Period,
    string PackId,
    IReadOnlyDictionary<string, decimal> Criteria,
    MeetingFacts Facts,
    decimal Total,
    Band Band,
    IReadOnlyList<string> ReasonCodes,
    DateTimeOffset SubmittedAt,
    bool Late,
    string ReceiptId,
    int Version,
    ScoreConfirmation? Confirmation = null)
{
    /// <summary>The band the roll-up and the alerts use: the superior's when confirmed, else the cell's own.</summary>
    public Band EffectiveBand => Confirmation?.Band ?? Band;

    public decimal EffectiveTotal => Confirmation?.Total ?? Total;

    public bool IsConfirmed => Confirmation is not null;
}

/// <summary>
/// The superior's confirmation of a month: the points it confirmed or corrected, the resulting total and band, why
/// it corrected them (empty when it confirmed as submitted), who confirmed and when. When it adopted the score a member
/// observed at the meeting (<see cref="Adopted"/>), the points, total and band are that observation's, and the reason
/// says why.
/// </summary>
public sealed record ScoreConfirmation(
    IReadOnlyDictionary<string, decimal> Criteria,
    decimal Total,
    Band Band,
    IReadOnlyList<string> ReasonCodes,
    string Reason,
    string ConfirmedBy,
    DateTimeOffset ConfirmedAt,
    AdoptedObservation? Adopted = null)
{
    /// <summary>Reasons and names are short texts; the cap keeps a stored score far below the 64 KB of a table property.</summary>
    public const int MaxTextLength = 1000;
}

/// <summary>A stored score with the version tag (ETag) an amendment or confirmation must match to replace it.</summary>
public sealed record StoredScore(ScoreRecord Record, string ETag);

/// <summary>The observation a confirmation adopted: who recorded it, the day of the meeting, and the pack that scored it.</summary>
public sealed record AdoptedObservation(string ObservedBy, DateOnly MeetingDate, string PackId);
