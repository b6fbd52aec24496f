using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PartyFunctions.Configuration;
using PartyFunctions.Deadlines;
using PartyFunctions.Heartbeat;

namespace PartyFunctions.Alerts;

/// <summary>D-3 and D0 reminders to the cells that have not submitted (schedule <c>Schedules:Reminders</c>, UTC).</summary>
public sealed partial class RemindersFunction(RecordHeartbeat heartbeat, SendReminders reminders, ILogger<RemindersFunction> logger)
{
    [Function(Timers.Reminders)]
    public async Task RunAsync([TimerTrigger("%" + AppSettings.RemindersSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var outcome = await heartbeat.RunAsync(Timers.Reminders, reminders.RunAsync, cancellationToken);
        Log(logger, outcome, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: {Outcome} (past due: {PastDue})")]
    private static partial void Log(ILogger logger, RunOutcome outcome, bool pastDue);
}
