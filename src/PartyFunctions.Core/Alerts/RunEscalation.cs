using PartyFunctions.Concurrency;
using PartyFunctions.Deadlines;
using PartyFunctions.Organisation;
using PartyFunctions.Remediation;
using PartyFunctions.Submissions;
using PartyFunctions.Telemetry;

namespace PartyFunctions.Alerts;

/// <summary>
/// Use case (daily timer): resolves the monthly alerts whose condition cleared (a score message may have been lost or
/// handled before the alert existed), then advances every open, unacknowledged alert along its chain and sends the
/// "resolved" notices, in one digest per recipient (run id <c>escalation-2025-12-16</c>). Once per Vietnam day. Plan
/// alerts resolve through <see cref="PlanClosure"/>, and <see cref="PlanFollowUp"/> adds the plans' reminders and
/// overdue alerts to the same digests, and <see cref="Attendance.DutyFollowUp"/> the attendance duty on its two days a period.
/// </summary>
public sealed class RunEscalation(
    IAlertStore store, IScoreStore scores, AlertDispatcher dispatcher, PlanClosure plans, PlanFollowUp followUp, Attendance.DutyFollowUp duty,
    IRunMarkers markers, PartyMetrics metrics, TimeProvider clock)
{
    public const string Job = "escalation";

    public async Task<RunOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var day = VietnamDate.DayOf(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var runId = $"{Job}-{day}";
        if (await markers.IsDoneAsync(Job, day, cancellationToken))
        {
            return RunOutcome.AlreadyDone(runId);
        }

        // Each open alert's condition is its own read (a score, a plan): asked side by side, not one after the other.
        var active = await store.GetActiveAsync(cancellationToken);
        var reasons = await SideBySide.SelectAsync(active, async (stored, ct) => stored.Alert.IsOpen ? await ClearedAsync(stored.Alert, ct) : null, cancellationToken);
        var work = new List<StoredAlert>(active.Count);
        var resolved = new HashSet<AlertKey>();
        foreach (var (stored, reason) in active.Zip(reasons))
        {
            if (reason is not null)
            {
                resolved.Add(stored.Alert.Key);
                work.Add(stored with { Alert = stored.Alert.Resolve(now, AlertTransition.System, reason) });
            }
            else
            {
                work.Add(stored);
            }
        }

        var plansDue = await followUp.RunAsync(work, now, cancellationToken);
        foreach (var key in plansDue.Cleared)
        {
            resolved.Add(key);
            var index = work.FindIndex(w => w.Alert.Key == key);
            work[index] = work[index] with { Alert = work[index].Alert.Resolve(now, AlertTransition.System, PlanFollowUp.NoLongerOverdue) };
        }

        work.AddRange(plansDue.Opened);
        CountActive(work.Select(w => w.Alert).Where(a => a.IsOpen).ToList());
        var dutyLines = await duty.RunAsync(now, cancellationToken);
        var result = await dispatcher.DispatchAsync(runId, work, now, cancellationToken, [.. plansDue.Reminders, .. dutyLines]);
        foreach (var key in result.Written.Where(resolved.Contains))
        {
            metrics.AlertResolved(key.Rule);
        }

        await markers.MarkDoneAsync(Job, day, $"{work.Count} active alerts", cancellationToken);
        return new RunOutcome(runId, false, work.Count, result.Digests);
    }

    // Open alerts by the level last notified (0: nobody yet), every level up to the highest so that an emptied level reads 0.
    private void CountActive(IReadOnlyList<Alert> open)
    {
        var levels = open.ToLookup(a => a.StepsTaken > 0 ? a.Chain[a.StepsTaken - 1].Level : 0);
        var highest = open.SelectMany(a => a.Chain).Select(s => s.Level).DefaultIfEmpty(0).Max();
        for (var level = 0; level <= highest; level++)
        {
            metrics.AlertsActive(level, levels[level].Count());
        }
    }

    // Why an alert's condition no longer holds, or null: monthly rules by their scores, plans by PlanClosure; plan-overdue
    // by the follow-up.
    private async Task<string?> ClearedAsync(Alert alert, CancellationToken cancellationToken)
    {
        if (PlanRules.AsksForPlan(alert.Key.Rule))
        {
            return await plans.ClearedAsync(alert, cancellationToken);
        }

        if (!ScorePeriod.TryParse(alert.Key.Period, out var period))
        {
            return null;
        }

        return alert.Key.Rule switch
        {
            AlertRules.Overdue when AlertConditions.OverdueCleared(await ScoreAsync(alert, period, cancellationToken)) => "score arrived",
            AlertRules.WeakMonth when AlertConditions.WeakMonthCleared(
                await ScoreAsync(alert, period, cancellationToken), await ScoreAsync(alert, period.Next, cancellationToken)) => "month no longer weak",
            _ => null,
        };
    }

    private async Task<ScoreRecord?> ScoreAsync(Alert alert, ScorePeriod period, CancellationToken cancellationToken) =>
        (await scores.GetAsync(alert.SuperiorId, alert.Key.UnitId, period, cancellationToken))?.Record;
}
