using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Attendance;

/// <summary>
/// A month's self-score beside the score observed at its meeting (docs/domain.md, "Attendance"): the cell's own total
/// and band, the lowest observed score of the month (the one a <c>score-gap</c> alert would name), who observed it and on
/// which day. <see cref="Difference"/> is self minus observed: positive when the cell scored itself higher.
/// </summary>
public sealed record SelfObserved(decimal SelfTotal, Band SelfBand, decimal ObservedTotal, Band ObservedBand, string ObservedBy, DateOnly MeetingDate)
{
    public decimal Difference => SelfTotal - ObservedTotal;

    /// <summary>The comparison for a self-score and the records of its month, or null when none carries a score.</summary>
    public static SelfObserved? Of(decimal selfTotal, Band selfBand, IEnumerable<AttendanceRecord> month) =>
        Lowest(month) is { Score: { } seen } record
            ? new SelfObserved(selfTotal, selfBand, seen.Total, seen.Band, record.RecordedBy, record.MeetingDate)
            : null;

    public static SelfObserved? Of(ScoreRecord? self, IEnumerable<AttendanceRecord> month) =>
        self is null ? null : Of(self.Total, self.Band, month);

    /// <summary>
    /// The records that carry a score, lowest first (total, then band, then author): the order in which the score-gap
    /// alert and the pages pick the observation they name.
    /// </summary>
    public static IEnumerable<AttendanceRecord> LowestFirst(IEnumerable<AttendanceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Where(r => r.Score is not null)
            .OrderBy(r => r.Score!.Total).ThenBy(r => r.Score!.Band).ThenBy(r => r.Author, StringComparer.Ordinal);
    }

    private static AttendanceRecord? Lowest(IEnumerable<AttendanceRecord> records) => LowestFirst(records).FirstOrDefault();
}
