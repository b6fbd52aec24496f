using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PartyFunctions.Configuration;
using PartyFunctions.Deadlines;
using PartyFunctions.Heartbeat;

namespace PartyFunctions.Alerts;

/// <summary>The daily escalation run (schedule <c>Schedules:Escalation</c>, UTC).</summary>
public sealed partial class EscalationFunction(RecordHeartbeat heartbeat, RunEscalation escalation, ILogger<EscalationFunction> logger)
{
    [Function(Timers.Escalation)]
    public async Task RunAsync([TimerTrigger("%" + AppSettings.EscalationSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var outcome = await heartbeat.RunAsync(Timers.Escalation, escalation.RunAsync, cancellationToken);
        Log(logger, outcome, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation: {Outcome} (past due: {PastDue})")]
    private static partial void Log(ILogger logger, RunOutcome outcome, bool pastDue);
}
