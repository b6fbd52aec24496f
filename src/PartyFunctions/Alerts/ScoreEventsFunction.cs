using Microsoft.Extensions.Logging;
using PartyFunctions.Configuration;

namespace PartyFunctions.Alerts;

/// <summary>One <see cref="ScoreRecorded"/> per accepted score: resolves and opens the monthly alerts. A fault lets the host retry, then poison.</summary>
public sealed partial class ScoreEventsFunction(ApplyScoreRecorded apply, ILogger<ScoreEventsFunction> logger)
{
    [Function("ScoreEvents")]
    public async Task RunAsync(
        [QueueTrigger(StorageNames.ScoreEventsQueue, Connection = AppSettings.StorageConnection)] ScoreRecorded message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = await apply.RunAsync(message, cancellationToken);
        Log(logger, message.ReceiptId, result);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Score event {ReceiptId}: {Result}")]
    private static partial void Log(ILogger logger, string receiptId, string result);
}
