using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Attendance;
using PartyFunctions.Deadlines;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Status;

/// <summary>
/// Use case: a superior's monthly status, from a signed "view" link covering the unit: every required cell of its
/// subtree with submitted / late / not reported, the band, and its open alerts, with counts per status and band, and
/// where a member observed the meeting with a score, the self-score beside it (<see cref="SelfObserved"/>). Attendance is
/// read one partition per cells' superior for the year, as the scores are, never one query per cell.
/// </summary>
public sealed class MonthlyStatus(SubtreeAccess access, MonthRoster roster, IAlertStore alerts, IAttendanceStore attendance, TimeProvider clock)
{
    public async Task<LinkedView<StatusReport>> LoadAsync(string? token, string unitId, string? periodText, CancellationToken cancellationToken)
    {
        var opened = await MonthViewAccess.OpenAsync(access, token, unitId, periodText, cancellationToken);
        if (opened.Unit is not { } unit)
        {
            return opened.Refused<StatusReport>();
        }

        var period = opened.Period;

        var month = await roster.ForSubtreeAsync(unitId, period, cancellationToken);
        var now = clock.GetUtcNow();
        var byId = month.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        // One query for every open alert, not one per cell.
        var open = (await alerts.GetActiveSnapshotAsync(cancellationToken)).Where(a => a.IsOpen)
            .ToLookup(a => a.Key.UnitId, a => $"{a.Key.Rule} {a.Key.Period}", StringComparer.Ordinal);
        var observed = new List<AttendanceRecord>();
        foreach (var superior in month.Cells.Select(c => c.Cell.ParentId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            observed.AddRange((await attendance.GetOfSuperiorYearAsync(superior, period.Year, cancellationToken)).Where(r => r.Period == period));
        }

        var seen = observed.ToLookup(r => r.UnitId, StringComparer.Ordinal);
        var rows = month.Cells.OrderBy(c => c.Cell.Path, StringComparer.Ordinal).Select(cell => new StatusRow(
                cell.Cell.Id, cell.Cell.Name, byId.GetValueOrDefault(cell.Cell.ParentId ?? string.Empty)?.Name ?? string.Empty,
                StatusOf(cell.Score, period, now), cell.Score?.EffectiveBand, cell.Score?.EffectiveTotal,
                open[cell.Cell.Id].Order(StringComparer.Ordinal).ToList())
            {
                Observed = SelfObserved.Of(cell.Score, seen[cell.Cell.Id]),
            })
            .ToList();

        return LinkedView.Found(new StatusReport(unit.Id, unit.Name, period, now, rows));
    }

    private static SubmissionStatus StatusOf(ScoreRecord? score, ScorePeriod period, DateTimeOffset now) =>
        score is not null ? (score.Late ? SubmissionStatus.Late : SubmissionStatus.Submitted)
        : ReportingCalendar.IsCutOff(period, now) ? SubmissionStatus.NotReported
        : SubmissionStatus.Pending;
}

public enum SubmissionStatus
{
    Submitted,
    Late,
    NotReported,
    Pending,
}

/// <summary>One cell's line: its status, the band and total that count, and the rules of its open alerts.</summary>
public sealed record StatusRow(
    string UnitId, string Name, string SuperiorName, SubmissionStatus Status, Band? Band, decimal? Total, IReadOnlyList<string> OpenAlerts)
{
    /// <summary>The cell's own score beside the observed one, when the month has both.</summary>
    public SelfObserved? Observed { get; init; }
}

/// <summary>The month's status under one unit, with the counts the page shows at the top.</summary>
public sealed record StatusReport(string UnitId, string UnitName, ScorePeriod Period, DateTimeOffset At, IReadOnlyList<StatusRow> Rows)
{
    public int Count(SubmissionStatus status) => Rows.Count(r => r.Status == status);

    public int Count(Band band) => Rows.Count(r => r.Band == band);

    public int NoBand => Rows.Count(r => r.Band is null);

    public int OpenAlerts => Rows.Sum(r => r.OpenAlerts.Count);
}
