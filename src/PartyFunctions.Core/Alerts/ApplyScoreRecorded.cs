using PartyFunctions.Organisation;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Alerts;

/// <summary>
/// Use case (queue <c>score-events</c>): a score was recorded, so the month's <c>overdue</c> alert resolves, a Kém month
/// opens <c>weak-month</c> (a Khá-or-better month resolves the previous month's), and <c>needs-consolidation</c> is
/// evaluated on the last six months. Nobody is emailed from here: the daily escalation run sends the new alerts' level 1
/// and the "resolved" notices in its digests, so a busy day of submissions is one email per person, not one per event.
/// Idempotent by receipt id (marker <c>score-event</c>, receipt id), and each step is idempotent by itself too.
/// </summary>
public sealed class ApplyScoreRecorded(
    IAlertStore store, IUnitStore units, IScoreStore scores, OpenAlerts openAlerts, ResolveAlert resolve, IRunMarkers markers,
    Attendance.CheckScoreGap scoreGap)
{
    public const string Job = "score-event";

    public async Task<string> RunAsync(ScoreRecorded recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (await markers.IsDoneAsync(Job, recorded.ReceiptId, cancellationToken))
        {
            return "already applied";
        }

        var period = new ScorePeriod(recorded.Year, recorded.Month);
        var actor = recorded.Confirmed ? "confirmation" : "submission";
        await ResolveAsync(new AlertKey(AlertRules.Overdue, recorded.UnitId, period.ToString()), recorded.At, actor, "score arrived", cancellationToken);
        if (!AlertConditions.WeakMonthOpens(recorded.Band))
        {
            await ResolveAsync(new AlertKey(AlertRules.WeakMonth, recorded.UnitId, period.ToString()), recorded.At, actor, "month no longer weak", cancellationToken);
        }

        if (recorded.Band >= Band.Fair)
        {
            await ResolveAsync(new AlertKey(AlertRules.WeakMonth, recorded.UnitId, period.Previous.ToString()), recorded.At, actor, "next month Khá or better", cancellationToken);
        }

        var opened = new List<string>();
        if (await units.GetAsync(recorded.UnitId, cancellationToken) is { } unit)
        {
            if (AlertConditions.WeakMonthOpens(recorded.Band)
                && await openAlerts.OpenQuietlyAsync(new AlertKey(AlertRules.WeakMonth, unit.Id, period.ToString()), unit, null, cancellationToken) is not null)
            {
                opened.Add(AlertRules.WeakMonth);
            }

            if (await NeedsConsolidationAsync(unit, recorded, period, cancellationToken)
                && await openAlerts.OpenQuietlyAsync(new AlertKey(AlertRules.NeedsConsolidation, unit.Id, period.ToString()), unit, null, cancellationToken) is not null)
            {
                opened.Add(AlertRules.NeedsConsolidation);
            }

            // The self-score against what a member observed at the meeting (issue 17): opens or resolves score-gap.
            if (await scoreGap.RunAsync(unit, period, recorded.SuperiorId, actor, cancellationToken) == Attendance.ScoreGapCheck.Opened)
            {
                opened.Add(AlertRules.ScoreGap);
            }
        }

        await markers.MarkDoneAsync(Job, recorded.ReceiptId, $"opened: {string.Join(',', opened)}", cancellationToken);
        return opened.Count == 0 ? "applied" : "opened " + string.Join(',', opened);
    }

    private Task<bool> ResolveAsync(AlertKey key, DateTimeOffset at, string actor, string reason, CancellationToken cancellationToken) =>
        resolve.RunAsync(key, at, actor, reason, cancellationToken);

    // One alert per unit while it is open: a new one opens only when none is open (it resolves with a remediation plan).
    // This month's own alert does not count: a copy of the event running at the same moment may have opened it, and
    // both copies must then record the same outcome.
    private async Task<bool> NeedsConsolidationAsync(Unit unit, ScoreRecorded recorded, ScorePeriod period, CancellationToken cancellationToken)
    {
        var months = Enumerable.Range(0, 6).Select(back => Back(period, 5 - back)).ToList();
        var bands = new List<Band?>();
        foreach (var month in months)
        {
            bands.Add(month == period ? recorded.Band : await BandAsync(unit, recorded, month, cancellationToken));
        }

        return AlertConditions.NeedsConsolidation(bands)
            && !(await store.GetOfUnitAsync(unit.Id, cancellationToken)).Any(a =>
                a.Alert.Key.Rule == AlertRules.NeedsConsolidation && a.Alert.IsOpen && a.Alert.Key.Period != period.ToString());
    }

    // A month's band; a month with no score counts as Kém once cut off while the cell was active, else as unknown.
    private async Task<Band?> BandAsync(Unit unit, ScoreRecorded recorded, ScorePeriod month, CancellationToken cancellationToken)
    {
        if (await scores.GetAsync(recorded.SuperiorId, unit.Id, month, cancellationToken) is { } stored)
        {
            return stored.Record.EffectiveBand;
        }

        return ReportingCalendar.IsCutOff(month, recorded.At) && Deadlines.MonthRoster.IsRequired(unit, month) ? Band.Weak : null;
    }

    private static ScorePeriod Back(ScorePeriod period, int months)
    {
        for (var i = 0; i < months; i++)
        {
            period = period.Previous;
        }

        return period;
    }
}
