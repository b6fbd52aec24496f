namespace PartyFunctions.Notifications;

/// <summary>
/// Use case behind the email queue: send one digest exactly once. A digest already sent or failed sends
/// nothing (messages arrive at least once); the "sent" mark is written only after the provider accepted
/// the message, so a crash in between may repeat one email but never lose one. A rate limit postpones the
/// digest instead of failing it, and so does email not configured yet (without counting); a permanent refusal is
/// recorded and reported to the administrators.
/// </summary>
public sealed class SendDigest(
    IOutbox outbox,
    IMailTransport transport,
    IDigestScheduler scheduler,
    DigestRenderer renderer,
    ReportUndeliverableDigest undeliverable,
    EmailOptions options,
    TimeProvider clock)
{
    public async Task<SendDigestResult> RunAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entry = await outbox.GetAsync(message.Id, cancellationToken);
        if (entry is null)
        {
            return SendDigestResult.Missing;
        }

        if (entry.Delivery.Status != DeliveryStatus.Pending)
        {
            return SendDigestResult.AlreadyHandled;
        }

        var outcome = await transport.SendAsync(renderer.Render(entry.Digest, options.From), cancellationToken);
        switch (outcome)
        {
            case SendOutcome.Accepted accepted:
                await MarkSentAsync(entry, accepted.MessageId, cancellationToken);
                return SendDigestResult.Sent;
            case SendOutcome.RateLimited limited when message.Deferrals < options.MaxDeferrals:
                await scheduler.ScheduleAsync(message with { Deferrals = message.Deferrals + 1 }, limited.RetryAfter, cancellationToken);
                return SendDigestResult.Deferred;
            case SendOutcome.RateLimited:
                await undeliverable.RunAsync(message.Id, $"rate limited {message.Deferrals} times", cancellationToken);
                return SendDigestResult.Failed;
            case SendOutcome.Rejected rejected:
                await undeliverable.RunAsync(message.Id, rejected.Reason, cancellationToken);
                return SendDigestResult.Failed;
            case SendOutcome.NotConfigured:
                // Like a rate limit, but not counted: the entry stays Pending and the same message comes back until a key exists.
                await scheduler.ScheduleAsync(message, options.NotConfiguredRetryDelay, cancellationToken);
                return SendDigestResult.WaitingForConfiguration;
            default:
                throw new InvalidOperationException($"Unknown send outcome {outcome}.");
        }
    }

    private async Task MarkSentAsync(OutboxEntry entry, string messageId, CancellationToken cancellationToken)
    {
        var sent = new DigestDelivery(DeliveryStatus.Sent, messageId, clock.GetUtcNow());
        while (!await outbox.TryUpdateAsync(entry, sent, cancellationToken))
        {
            // Another delivery of the same message changed the entry: keep the first "sent" mark.
            entry = await outbox.GetAsync(entry.Digest.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Digest {entry.Digest.Id} vanished while being marked sent.");
            if (entry.Delivery.Status == DeliveryStatus.Sent)
            {
                return;
            }
        }
    }
}

public enum SendDigestResult
{
    Sent,
    AlreadyHandled,
    Deferred,
    WaitingForConfiguration,
    Failed,
    Missing,
}
