using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Attendance;

/// <summary>
/// A record of attending a unit's meeting (biên bản dự sinh hoạt): the month and the day it was held, who attended it
/// from the committee, what they saw and recommended, and optionally their own score on the pack's criteria. One per
/// (unit, month, <see cref="Author"/>): the author is the signed link's holder (its subject, a <see cref="MemberKey"/>, else the committee it
/// was issued to), so only its author amends it. <see cref="ReceiptId"/> names the request that wrote this version;
/// <see cref="Version"/> counts versions from 1 and is what an amendment must name (the API's ETag).
/// </summary>
public sealed record AttendanceRecord(
    string UnitId,
    ScorePeriod Period,
    DateOnly MeetingDate,
    string Author,
    string RecordedBy,
    IReadOnlyList<string> Attendees,
    string Observations,
    string Recommendations,
    ObservedScore? Score,
    DateTimeOffset RecordedAt,
    string ReceiptId,
    int Version)
{
    /// <summary>Names, observations and recommendations are short texts; the caps keep a record far below a table property's 64 KB.</summary>
    public const int MaxNameLength = 200;
    public const int MaxAttendees = 30;
    public const int MaxTextLength = 4000;

    /// <summary>The same content as <paramref name="other"/>, whatever its version, time or receipt: a repeated request.</summary>
    public bool SameContent(AttendanceRecord other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return MeetingDate == other.MeetingDate && RecordedBy == other.RecordedBy && Attendees.SequenceEqual(other.Attendees)
            && Observations == other.Observations && Recommendations == other.Recommendations
            && (Score is null ? other.Score is null : other.Score is not null && Score.SameSheet(other.Score));
    }
}

/// <summary>The observer's score of the meeting: the sheet they filled in and what the month's pack made of it.</summary>
public sealed record ObservedScore(
    string PackId,
    IReadOnlyDictionary<string, decimal> Criteria,
    MeetingFacts Facts,
    decimal Total,
    Band Band,
    IReadOnlyList<string> ReasonCodes)
{
    public bool SameSheet(ObservedScore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return PackId == other.PackId && Facts == other.Facts && Criteria.Count == other.Criteria.Count
            && Criteria.All(c => other.Criteria.TryGetValue(c.Key, out var points) && points == c.Value);
    }
}

/// <summary>A stored record with the storage version tag a replace must match.</summary>
public sealed record StoredAttendance(AttendanceRecord Record, string ETag);
