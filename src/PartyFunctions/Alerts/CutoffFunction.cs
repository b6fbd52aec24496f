using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PartyFunctions.Configuration;
using PartyFunctions.Deadlines;
using PartyFunctions.Heartbeat;

namespace PartyFunctions.Alerts;

/// <summary>The monthly cut-off (D+3): not-reported months open overdue alerts (schedule <c>Schedules:Cutoff</c>, UTC).</summary>
public sealed partial class CutoffFunction(RecordHeartbeat heartbeat, RunCutoff cutoff, ILogger<CutoffFunction> logger)
{
    [Function(Timers.Cutoff)]
    public async Task RunAsync([TimerTrigger("%" + AppSettings.CutoffSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var outcome = await heartbeat.RunAsync(Timers.Cutoff, cutoff.RunAsync, cancellationToken);
        Log(logger, outcome, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cut-off: {Outcome} (past due: {PastDue})")]
    private static partial void Log(ILogger logger, RunOutcome outcome, bool pastDue);
}
