namespace PartyFunctions.Notifications;

/// <summary>
/// Use case behind the email queue: send one digest exactly once, however many messages name it and however many
/// instances run them at the same moment. A delivery first claims the digest (an ETag-guarded "sending" mark with a
/// lease, <see cref="EmailOptions.ClaimLease"/>); a second delivery that finds a live claim comes back when the lease
/// ends, and one that finds the digest sent or failed does nothing. The "sent" mark is written only after the provider
/// accepted the message, so a crash in between may repeat one email (when the lease ends) but never lose one. A rate
/// limit releases the claim and postpones the digest; a permanent refusal is recorded and reported to the administrators.
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
        var claim = await ClaimAsync(message, cancellationToken);
        if (claim.Entry is not { } claimed)
        {
            return claim.Result;
        }

        SendOutcome outcome;
        try
        {
            outcome = await transport.SendAsync(renderer.Render(claimed.Digest, options.From), cancellationToken);
        }
        catch
        {
            // The host retries the message: let that retry (or any other delivery) claim the digest at once.
            await outbox.TryUpdateAsync(claimed, DigestDelivery.Pending, CancellationToken.None);
            throw;
        }

        switch (outcome)
        {
            case SendOutcome.Accepted accepted:
                await MarkSentAsync(claimed, accepted.MessageId, cancellationToken);
                return SendDigestResult.Sent;
            case SendOutcome.RateLimited limited when message.Deferrals < options.MaxDeferrals:
                await outbox.TryUpdateAsync(claimed, DigestDelivery.Pending, cancellationToken);
                await scheduler.ScheduleAsync(message with { Deferrals = message.Deferrals + 1 }, limited.RetryAfter, cancellationToken);
                return SendDigestResult.Deferred;
            case SendOutcome.RateLimited:
                await undeliverable.RunAsync(message.Id, $"rate limited {message.Deferrals} times", cancellationToken);
                return SendDigestResult.Failed;
            case SendOutcome.Rejected rejected:
                await undeliverable.RunAsync(message.Id, rejected.Reason, cancellationToken);
                return SendDigestResult.Failed;
            default:
                throw new InvalidOperationException($"Unknown send outcome {outcome}.");
        }
    }

    /// <summary>The claimed entry, or why there is none to send (gone, handled, or claimed by a live delivery).</summary>
    private async Task<(OutboxEntry? Entry, SendDigestResult Result)> ClaimAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        while (await outbox.GetAsync(message.Id, cancellationToken) is { } entry)
        {
            var now = clock.GetUtcNow();
            switch (entry.Delivery.Status)
            {
                case DeliveryStatus.Sent or DeliveryStatus.Failed:
                    return (null, SendDigestResult.AlreadyHandled);
                case DeliveryStatus.Sending when entry.Delivery.ClaimExpires(options.ClaimLease) is { } expires && expires > now:
                    // Another delivery is sending it. Come back when its lease ends: sent by then, this one does nothing;
                    // if that delivery died, this one takes the claim over, so the digest is never lost.
                    await scheduler.ScheduleAsync(message, expires - now, cancellationToken);
                    return (null, SendDigestResult.ClaimedElsewhere);
            }

            if (await outbox.TryUpdateAsync(entry, DigestDelivery.Claimed(now), cancellationToken) is { } claimed)
            {
                return (claimed, SendDigestResult.Sent);
            }

            // Another delivery changed the entry between the read and the claim: read again and decide again.
        }

        return (null, SendDigestResult.Missing);
    }

    private async Task MarkSentAsync(OutboxEntry claimed, string messageId, CancellationToken cancellationToken)
    {
        var sent = new DigestDelivery(DeliveryStatus.Sent, messageId, clock.GetUtcNow());
        var entry = claimed;
        while (await outbox.TryUpdateAsync(entry, sent, cancellationToken) is null)
        {
            // Only a delivery that took an expired claim over can have changed it: keep the first "sent" mark.
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

    /// <summary>Another delivery holds a live claim: this message was put back for when the claim's lease ends.</summary>
    ClaimedElsewhere,
    Deferred,
    Failed,
    Missing,
}
