using System.Text.Json;
using PartyFunctions.Configuration;
using PartyFunctions.Notifications;

namespace PartyFunctions.Infrastructure.Notifications;

/// <summary>Puts digest messages on the <c>digests</c> queue (base64 JSON, as the host reads them).</summary>
public sealed class QueueDigestScheduler(StorageNamespace storage) : IDigestScheduler
{
    /// <summary>Azure Storage queues hide a message for at most seven days.</summary>
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    public async Task ScheduleAsync(DigestMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var visibility = delay <= TimeSpan.Zero ? (TimeSpan?)null : delay > MaxDelay ? MaxDelay : delay;
        await (await storage.QueueAsync(StorageNames.DigestsQueue, cancellationToken)).SendMessageAsync(
            JsonSerializer.Serialize(message),
            visibilityTimeout: visibility,
            timeToLive: TimeSpan.FromSeconds(-1),
            cancellationToken: cancellationToken);
    }
}
