using Microsoft.Extensions.Logging;
using PartyFunctions.Configuration;

namespace PartyFunctions.Heartbeat;

/// <summary>The daily heartbeat check (fixed schedule <see cref="Timers.HeartbeatCheckSchedule"/>, UTC); it records its own heartbeat too.</summary>
public sealed partial class HeartbeatCheckFunction(CheckHeartbeats check, RecordHeartbeat heartbeat, ILogger<HeartbeatCheckFunction> logger)
{
    [Function(Timers.HeartbeatCheck)]
    public async Task RunAsync([TimerTrigger(Timers.HeartbeatCheckSchedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var outcome = await heartbeat.RunAsync(Timers.HeartbeatCheck, ct => check.RunAsync(Timers.HeartbeatCheck, ct), cancellationToken);
        if (outcome.NeedsAttention)
        {
            LogLate(logger, outcome);
        }
        else
        {
            LogOk(logger, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Heartbeat check: {Outcome}")]
    private static partial void LogOk(ILogger logger, HeartbeatCheckOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat check: {Outcome}")]
    private static partial void LogLate(ILogger logger, HeartbeatCheckOutcome outcome);
}
