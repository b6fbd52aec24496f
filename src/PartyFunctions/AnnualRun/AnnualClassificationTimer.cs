using Microsoft.Azure.Functions.Worker;
using PartyFunctions.Configuration;
using PartyFunctions.Organisation;

namespace PartyFunctions.AnnualRun;

/// <summary>Starts the year's classification run once (mid-December by default); a second firing finds the run and does nothing.</summary>
public sealed class AnnualClassificationTimer(StartClassificationRun start, TimeProvider clock)
{
    [Function("AnnualClassification")]
    public async Task RunAsync(
        [TimerTrigger("%" + AppSettings.AnnualClassificationSchedule + "%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        await start.RunAsync(VietnamDate.Today(clock).Year, throughMonth: null, resume: false, cancellationToken);
}
