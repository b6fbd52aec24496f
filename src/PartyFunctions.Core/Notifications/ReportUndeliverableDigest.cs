using PartyFunctions.Telemetry;

namespace PartyFunctions.Notifications;

/// <summary>
/// Use case for a digest that cannot be delivered (refused by the provider, or given up by the host on the
/// poison queue): record the failure and tell the administrators' mailbox, once per digest however often
/// the failure is reported. The alert is itself a digest with an id derived from the failed one, so the
/// sender's own idempotency keeps it to one email even if this runs twice.
/// </summary>
public sealed class ReportUndeliverableDigest(IOutbox outbox, DigestPoster poster, EmailOptions options, PartyMetrics metrics, TimeProvider clock)
{
    public async Task RunAsync(DigestId id, string reason, CancellationToken cancellationToken)
    {
        while (await outbox.GetAsync(id, cancellationToken) is { } entry)
        {
            if (entry.Delivery.Status == DeliveryStatus.Sent || entry.Delivery.AdministratorsAlerted)
            {
                return;
            }

            // An alert about an alert would loop (both go to the same mailbox): a failed alert is only recorded.
            if (entry.Digest.Items.Any(i => i.Kind is not (NotificationKind.PoisonAlert or NotificationKind.TimerLate)))
            {
                await poster.PostAsync(AlertFor(entry.Digest, reason), cancellationToken);
            }

            var failed = new DigestDelivery(DeliveryStatus.Failed, At: clock.GetUtcNow(), FailureReason: reason, AdministratorsAlerted: true);
            if (await outbox.TryUpdateAsync(entry, failed, cancellationToken) is not null)
            {
                // The write under the ETag makes this the one report that counts, however often the failure comes in.
                metrics.DigestFailed();
                return;
            }
        }
    }

    private Digest AlertFor(Digest failed, string reason) =>
        new(
            DigestId.For($"undelivered-{failed.Id.RunId}-{failed.Id.RecipientKey}", options.AdminMailbox),
            new Recipient(options.AdminMailbox),
            Digest.Vietnamese,
            clock.GetUtcNow(),
            [new DigestItem(
                NotificationKind.PoisonAlert,
                UnitId: string.Empty,
                UnitName: failed.Recipient.Email,
                Rule: "undelivered",
                Detail: $"Lý do: {reason}. Thư gồm {failed.Items.Count} mục; mã {failed.Id}.")]);
}
