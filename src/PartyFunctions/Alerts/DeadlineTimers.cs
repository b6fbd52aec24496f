using Microsoft.Extensions.Logging;
using PartyFunctions.Configuration;
using PartyFunctions.Deadlines;
using PartyFunctions.Heartbeat;

namespace PartyFunctions.Alerts;

/// <summary>
/// The deadline timers (schedules <c>Schedules:Reminders</c>, <c>Schedules:Cutoff</c>, <c>Schedules:Escalation</c>,
/// UTC): D-3 and D0 reminders to cells that have not submitted, the monthly cut-off (D+3) that opens overdue alerts,
/// and the daily escalation run. Each runs its use case through the heartbeat and logs the outcome.
/// </summary>
public sealed partial class DeadlineTimers(
    RecordHeartbeat heartbeat, SendReminders reminders, RunCutoff cutoff, RunEscalation escalation, ILogger<DeadlineTimers> logger)
{
    [Function(Timers.Reminders)]
    public Task RemindersAsync([TimerTrigger("%" + AppSettings.RemindersSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync(Timers.Reminders, timer, reminders.RunAsync, cancellationToken);

    [Function(Timers.Cutoff)]
    public Task CutoffAsync([TimerTrigger("%" + AppSettings.CutoffSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync(Timers.Cutoff, timer, cutoff.RunAsync, cancellationToken);

    [Function(Timers.Escalation)]
    public Task EscalationAsync([TimerTrigger("%" + AppSettings.EscalationSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync(Timers.Escalation, timer, escalation.RunAsync, cancellationToken);

    private async Task RunAsync(string name, TimerInfo timer, Func<CancellationToken, Task<RunOutcome>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var outcome = await heartbeat.RunAsync(name, run, cancellationToken);
        Log(logger, name, outcome, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Timer}: {Outcome} (past due: {PastDue})")]
    private static partial void Log(ILogger logger, string timer, RunOutcome outcome, bool pastDue);
}
