using PartyFunctions.Configuration;
using PartyFunctions.Heartbeat;
using PartyFunctions.Organisation;

namespace PartyFunctions.AnnualRun;

/// <summary>Starts the year's classification run once (mid-December by default); a second firing finds the run and does nothing.</summary>
public sealed class AnnualClassificationTimer(StartClassificationRun start, RecordHeartbeat heartbeat, TimeProvider clock)
{
    [Function(Timers.AnnualClassification)]
    public async Task RunAsync(
        [TimerTrigger("%" + AppSettings.AnnualClassificationSchedule + "%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        await heartbeat.RunAsync(
            Timers.AnnualClassification,
            ct => start.RunAsync(VietnamDate.Today(clock).Year, throughMonth: null, resume: false, ct),
            cancellationToken);
}
