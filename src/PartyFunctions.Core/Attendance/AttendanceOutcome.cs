using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.Attendance;

public enum AttendanceStatus
{
    /// <summary>The page or record was read.</summary>
    Shown,

    /// <summary>A first version was stored.</summary>
    Recorded,

    /// <summary>The author's amendment was stored.</summary>
    Amended,

    /// <summary>The same request again: nothing new was stored; the stored record is answered.</summary>
    Replayed,

    Invalid,
    Forbidden,
    NotFound,

    /// <summary>A stale version, a record already there, or a receipt used for other content.</summary>
    Conflict,
}

/// <summary>
/// What a link opens or a request came to: the unit, the month and its pack (for the form's criteria), the author's
/// record of that month if any, and every error. <see cref="Result"/> explains a stored observed score.
/// </summary>
public sealed record AttendanceOutcome(
    AttendanceStatus Status,
    IReadOnlyList<FieldError> Errors,
    Unit? Unit = null,
    string? Period = null,
    PolicyPack? Pack = null,
    StoredAttendance? Stored = null,
    DateOnly Today = default)
{
    public MonthlyScore? Result { get; init; }

    public bool Succeeded => Status is AttendanceStatus.Recorded or AttendanceStatus.Amended or AttendanceStatus.Replayed;
}
