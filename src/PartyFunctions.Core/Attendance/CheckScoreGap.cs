using PartyFunctions.Alerts;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Submissions;

namespace PartyFunctions.Attendance;

/// <summary>
/// Use case: compares a cell's self-score for a month with the scores members observed at its meeting
/// (<see cref="ScoreGap"/>), after either changes: an attendance record (<see cref="RecordAttendance"/>) or a score event
/// (<see cref="ApplyScoreRecorded"/>). A gap opens <c>score-gap</c> quietly, through <see cref="OpenAlerts"/> (the next
/// escalation run tells the superior's office); a gap that closed (an amendment) or a month the superior confirmed
/// resolves it (adopting the observed score is a confirmation, so it resolves it too). Idempotent: opening is insert-only and resolving a resolved alert does nothing, so copies may race.
/// </summary>
public sealed class CheckScoreGap(IScoreStore scores, IAttendanceStore records, SubmissionPolicy policy, OpenAlerts alerts, ResolveAlert resolve, TimeProvider clock)
{
    public async Task<ScoreGapCheck> RunAsync(Unit unit, ScorePeriod period, string? superiorId, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        // No observed score, no gap and no alert to resolve (an alert opens only with one): one read for most months.
        var observed = (await records.GetMonthAsync(unit.Id, period, cancellationToken)).Where(r => r.Score is not null).ToList();
        if (observed.Count == 0)
        {
            return ScoreGapCheck.NotObserved;
        }

        var superior = superiorId ?? unit.ParentId;
        var self = superior is null ? null : (await scores.GetAsync(superior, unit.Id, period, cancellationToken))?.Record;
        if (self is null)
        {
            return ScoreGapCheck.NoSelfScore;
        }

        var key = new AlertKey(AlertRules.ScoreGap, unit.Id, period.ToString());
        var now = clock.GetUtcNow();
        if (self.IsConfirmed)
        {
            // The superior has decided the month, having the observed score beside the self-score on its sheet.
            await resolve.RunAsync(key, now, actor, self.Confirmation!.Adopted is null ? "month confirmed" : "observed score adopted", cancellationToken);
            return ScoreGapCheck.Confirmed;
        }

        var margin = (policy.Catalog.Find(self.PackId) ?? policy.PackFor(period))?.AttendanceOrDefault.ScoreGapPoints
            ?? AttendancePolicy.DefaultScoreGapPoints;
        if (ScoreGap.Widest(self, observed, margin) is { } widest)
        {
            return await alerts.OpenQuietlyAsync(key, unit, ScoreGap.Detail(self, widest), cancellationToken) is not null
                ? ScoreGapCheck.Opened
                : ScoreGapCheck.AlreadyOpen;
        }

        await resolve.RunAsync(key, now, actor, "no gap any more", cancellationToken);
        return ScoreGapCheck.NoGap;
    }
}

/// <summary>What a check found; <see cref="Opened"/> also when the alert existed but had notified nobody yet.</summary>
public enum ScoreGapCheck
{
    NotObserved,
    NoSelfScore,
    Confirmed,
    NoGap,
    Opened,
    AlreadyOpen,
}
