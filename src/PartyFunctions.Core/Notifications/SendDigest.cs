using PartyFunctions.Telemetry;

namespace PartyFunctions.Notifications;

/// <summary>
/// Use case behind the email queue: send one digest exactly once, however many messages name it and however many
/// instances run them at the same moment. A delivery first claims the digest (an ETag-guarded "sending" mark with a
/// lease, <see cref="EmailOptions.ClaimLease"/>); a second delivery that finds a live claim comes back when the lease
/// ends, and one that finds the digest sent or failed does nothing. The "sent" mark is written only after the provider
/// accepted the message (a write whose answer was lost is read back, not repeated), so only a crash in between, or
/// storage failing through all the mark's retries, repeats one email when the lease ends; none is ever lost. A rate
/// limit, or email not configured yet (not counted), releases the claim and postpones the digest; a permanent refusal is
/// recorded and reported to the administrators.
/// </summary>
public sealed class SendDigest(
    IOutbox outbox,
    IMailTransport transport,
    IDigestScheduler scheduler,
    IDigestRenderer renderer,
    ReportUndeliverableDigest undeliverable,
    EmailOptions options,
    PartyMetrics metrics,
    TimeProvider clock)
{
    private const int MarkAttempts = 3;

    public async Task<SendDigestResult> RunAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var claim = await ClaimAsync(message, cancellationToken);
        if (claim.Claimed is not { } claimed)
        {
            return claim.WhyNot;
        }

        SendOutcome outcome;
        try
        {
            outcome = await transport.SendAsync(renderer.Render(claimed.Digest, options.From), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The host retries the message: let that retry (or any other delivery) claim the digest at once.
            await ReleaseAsync(claimed);
            throw;
        }

        switch (outcome)
        {
            case SendOutcome.Accepted accepted:
                // Counted when the provider accepted, before the mark: only the claim's holder gets here, and an email
                // that a lost mark makes go twice was sent twice.
                metrics.DigestSent();
                await MarkSentAsync(claimed, accepted.MessageId, cancellationToken);
                return SendDigestResult.Sent;
            case SendOutcome.RateLimited limited when message.Deferrals < options.MaxDeferrals:
                await ReleaseAsync(claimed);
                await scheduler.ScheduleAsync(message with { Deferrals = message.Deferrals + 1 }, limited.RetryAfter, cancellationToken);
                metrics.DigestDeferred();
                return SendDigestResult.Deferred;
            case SendOutcome.RateLimited:
                await undeliverable.RunAsync(message.Id, $"rate limited {message.Deferrals} times", cancellationToken);
                return SendDigestResult.Failed;
            case SendOutcome.Rejected rejected:
                await undeliverable.RunAsync(message.Id, rejected.Reason, cancellationToken);
                return SendDigestResult.Failed;
            case SendOutcome.NotConfigured:
                // Like a rate limit, but not counted: the entry goes back to Pending and the same message comes back until a key exists.
                await ReleaseAsync(claimed);
                await scheduler.ScheduleAsync(message, options.NotConfiguredRetryDelay, cancellationToken);
                return SendDigestResult.WaitingForConfiguration;
            default:
                throw new InvalidOperationException($"Unknown send outcome {outcome}.");
        }
    }

    /// <summary>Gives the claim back; if that fails too, the claim simply runs out at the end of its lease.</summary>
    private async Task ReleaseAsync(OutboxEntry claimed)
    {
        try
        {
            await outbox.TryUpdateAsync(claimed, DigestDelivery.Pending, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Nothing more to do here: the message is retried or rescheduled either way.
        }
    }

    /// <summary>The claimed entry, or why there is none to send (gone, handled, or claimed by a live delivery).</summary>
    private async Task<DigestClaim> ClaimAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        while (await outbox.GetAsync(message.Id, cancellationToken) is { } entry)
        {
            var now = clock.GetUtcNow();
            switch (entry.Delivery.Status)
            {
                case DeliveryStatus.Sent or DeliveryStatus.Failed:
                    return DigestClaim.Not(SendDigestResult.AlreadyHandled);
                case DeliveryStatus.Sending when entry.Delivery.ClaimExpires(options.ClaimLease) is { } expires && expires > now:
                    // Another delivery is sending it. Come back when its lease ends: sent by then, this one does nothing;
                    // if that delivery died, this one takes the claim over, so the digest is never lost.
                    await scheduler.ScheduleAsync(message, expires - now, cancellationToken);
                    return DigestClaim.Not(SendDigestResult.ClaimedElsewhere);
            }

            if (await WriteAsync(entry, DigestDelivery.Claimed(now, token), d => d.Claim == token, cancellationToken) is { } claimed)
            {
                return new DigestClaim(claimed, default);
            }

            // Another delivery changed the entry between the read and the claim: read again and decide again.
        }

        return DigestClaim.Not(SendDigestResult.Missing);
    }

    private async Task MarkSentAsync(OutboxEntry claimed, string messageId, CancellationToken cancellationToken)
    {
        var sent = new DigestDelivery(DeliveryStatus.Sent, messageId, clock.GetUtcNow());
        var entry = claimed;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                while (await WriteAsync(entry, sent, d => d.Status == DeliveryStatus.Sent, cancellationToken) is null)
                {
                    // Only a delivery that took an expired claim over can have changed it: write the mark over its claim.
                    entry = await outbox.GetAsync(entry.Digest.Id, cancellationToken)
                        ?? throw new InvalidOperationException($"Digest {entry.Digest.Id} vanished while being marked sent.");
                }

                return;
            }
            catch (Exception) when (attempt < MarkAttempts && !cancellationToken.IsCancellationRequested)
            {
                // The email is out: without the mark it would go again when the claim's lease ends, so try the mark again.
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="delivery"/> under the entry's ETag. When the answer is a conflict, or is lost to a fault
    /// after storage may have applied the write, the entry is read back: what it holds, if that is this write
    /// (<paramref name="isThisWrite"/>); otherwise null for a conflict, or the fault again.
    /// </summary>
    private async Task<OutboxEntry?> WriteAsync(
        OutboxEntry entry, DigestDelivery delivery, Func<DigestDelivery, bool> isThisWrite, CancellationToken cancellationToken)
    {
        try
        {
            if (await outbox.TryUpdateAsync(entry, delivery, cancellationToken) is { } written)
            {
                return written;
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (await ReadBackAsync() is { } applied)
            {
                return applied;
            }

            throw;
        }

        return await ReadBackAsync();

        async Task<OutboxEntry?> ReadBackAsync() =>
            await outbox.GetAsync(entry.Digest.Id, cancellationToken) is { } stored && isThisWrite(stored.Delivery) ? stored : null;
    }
}

/// <summary>A delivery's claim on a digest: the entry it now holds, or (when none) why it does not send.</summary>
internal sealed record DigestClaim(OutboxEntry? Claimed, SendDigestResult WhyNot)
{
    public static DigestClaim Not(SendDigestResult why) => new(null, why);
}

public enum SendDigestResult
{
    Sent,
    AlreadyHandled,

    /// <summary>Another delivery holds a live claim: this message was put back for when the claim's lease ends.</summary>
    ClaimedElsewhere,
    Deferred,
    WaitingForConfiguration,
    Failed,
    Missing,
}
