using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.Attendance;

/// <summary>
/// An attendance record as received (form or JSON), before any check. <see cref="ExpectedVersion"/> is the version the
/// author amends (the form's hidden field, the API's If-Match); empty for a first record. <see cref="ReadScore"/> reads
/// the optional observed score once the month's pack is known, null when none was given. <see cref="ArchiveBody"/> is
/// the request as archived: as received, without the link (a credential).
/// </summary>
public sealed record AttendanceInput(
    string? Link,
    string UnitId,
    string? Period,
    string? MeetingDate,
    string? RecordedBy,
    IReadOnlyList<string> Attendees,
    string? Observations,
    string? Recommendations,
    string? ExpectedVersion,
    string? ReceiptId,
    string ClientIpHash,
    string ContentType,
    string ArchiveBody)
{
    /// <summary>Errors found reading the envelope itself (malformed JSON); nothing else is checked then.</summary>
    public IReadOnlyList<FieldError> EnvelopeErrors { get; init; } = [];

    /// <summary>The observed sheet, read and checked against the pack (<see cref="SheetValidator"/>), or null when no score was given.</summary>
    public Func<PolicyPack, (ScoreSheet? Sheet, IReadOnlyList<FieldError> Errors)>? ReadScore { get; init; }
}
