using PartyFunctions.Submissions;

namespace PartyFunctions.Attendance;

/// <summary>
/// Port: attendance records, by unit (docs/storage-schema.md). A record is a point read by (unit, month, author); a
/// unit's month, every author's, is one range of one partition (the score-gap check reads it).
/// </summary>
public interface IAttendanceStore
{
    Task<StoredAttendance?> GetAsync(string unitId, ScorePeriod period, string author, CancellationToken cancellationToken);

    /// <summary>Every record of one unit's month, any author.</summary>
    Task<IReadOnlyList<AttendanceRecord>> GetMonthAsync(string unitId, ScorePeriod period, CancellationToken cancellationToken);

    /// <summary>Every record of one unit's year, any author (one range of one partition: the member's desk reads it).</summary>
    Task<IReadOnlyList<AttendanceRecord>> GetYearAsync(string unitId, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Every record of the units under one superior in one year, any author: one partition of the superior's copies
    /// (<see cref="IndexAsync"/>), so the status page and the annual run read a committee's attendance in one query.
    /// </summary>
    Task<IReadOnlyList<AttendanceRecord>> GetOfSuperiorYearAsync(string superiorId, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Writes (or refreshes) the superior's copy of a stored record: never replaces a copy of a later version, so copies
    /// written out of order, or again after a lost answer, end at the record's latest version.
    /// </summary>
    Task IndexAsync(AttendanceRecord record, string superiorId, CancellationToken cancellationToken);

    /// <summary>Writes a first version; never overwrites: false (and no change) when the author has a record for that month.</summary>
    Task<bool> TryAddAsync(AttendanceRecord record, CancellationToken cancellationToken);

    /// <summary>Replaces the record only if it is still at <paramref name="etag"/>; false when someone wrote first.</summary>
    Task<bool> TryReplaceAsync(AttendanceRecord record, string etag, CancellationToken cancellationToken);
}
