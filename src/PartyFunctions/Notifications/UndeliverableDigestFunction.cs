using Microsoft.Extensions.Logging;
using PartyFunctions.Configuration;

namespace PartyFunctions.Notifications;

/// <summary>A digest the host gave up on: record the failure and alert the administrators, once per digest.</summary>
public sealed partial class UndeliverableDigestFunction(ReportUndeliverableDigest report, ILogger<UndeliverableDigestFunction> logger)
{
    [Function("UndeliverableDigest")]
    public async Task RunAsync(
        [QueueTrigger(StorageNames.DigestsPoisonQueue, Connection = AppSettings.StorageConnection)] DigestMessage message,
        CancellationToken cancellationToken)
    {
        LogUndeliverable(logger, message.RunId, message.RecipientKey);
        await report.RunAsync(message.Id, "the email service kept failing; the message reached the poison queue", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest {RunId}/{RecipientKey} is undeliverable after the host's retries")]
    private static partial void LogUndeliverable(ILogger logger, string runId, string recipientKey);
}
