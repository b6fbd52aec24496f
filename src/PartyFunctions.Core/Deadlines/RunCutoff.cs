using PartyFunctions.Alerts;
using PartyFunctions.Organisation;
using PartyFunctions.Submissions;

namespace PartyFunctions.Deadlines;

/// <summary>
/// Use case (timer, D+3): once the previous month is cut off, every required cell without a score is not reported and
/// gets an <c>overdue</c> alert, whose level 1 (the assigned member) is told in this run's digests: one digest per
/// assigned member, however many cells. Once per month (marker <c>cutoff</c>, <c>2025-11</c>; run id <c>cutoff-2025-11</c>).
/// </summary>
public sealed class RunCutoff(MonthRoster roster, OpenAlerts openAlerts, IRunMarkers markers, TimeProvider clock)
{
    public const string Job = "cutoff";

    public async Task<RunOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var period = ReportingCalendar.DefaultPeriod(VietnamDate.DayOf(now));
        if (!ReportingCalendar.IsCutOff(period, now))
        {
            return RunOutcome.NotDue;
        }

        var runId = $"{Job}-{period}";
        if (await markers.IsDoneAsync(Job, period.ToString(), cancellationToken))
        {
            return RunOutcome.AlreadyDone(runId);
        }

        var month = await roster.ForAllAsync(period, cancellationToken);
        var requests = month.Cells.Where(c => c.Score is null)
            .Select(c => new AlertRequest(new AlertKey(AlertRules.Overdue, c.Cell.Id, period.ToString()), null, c.Cell, month.SuperiorsOf(c.Cell)))
            .ToList();
        var result = await openAlerts.RunAsync(runId, requests, cancellationToken);
        await markers.MarkDoneAsync(Job, period.ToString(), $"{requests.Count} not reported", cancellationToken);
        return new RunOutcome(runId, false, requests.Count, result.Dispatch.Digests);
    }
}
