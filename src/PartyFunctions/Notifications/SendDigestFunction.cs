using Microsoft.Extensions.Logging;
using PartyFunctions.Configuration;

namespace PartyFunctions.Notifications;

/// <summary>One message per digest: render and send it once. A thrown fault lets the host retry, then poison.</summary>
public sealed partial class SendDigestFunction(SendDigest sendDigest, ILogger<SendDigestFunction> logger)
{
    [Function("SendDigest")]
    public async Task RunAsync(
        [QueueTrigger(StorageNames.DigestsQueue, Connection = AppSettings.StorageConnection)] DigestMessage message,
        CancellationToken cancellationToken)
    {
        var result = await sendDigest.RunAsync(message, cancellationToken);
        LogResult(logger, message.RunId, message.RecipientKey, result);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {RunId}/{RecipientKey}: {Result}")]
    private static partial void LogResult(ILogger logger, string runId, string recipientKey, SendDigestResult result);
}
