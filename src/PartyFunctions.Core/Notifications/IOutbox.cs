namespace PartyFunctions.Notifications;

/// <summary>Port: where runs leave digests and the email pipeline records their delivery.</summary>
public interface IOutbox
{
    /// <summary>Stores a digest unless one with the same id exists (a repeated run writes nothing new). True when it was added.</summary>
    Task<bool> AddAsync(Digest digest, CancellationToken cancellationToken);

    Task<OutboxEntry?> GetAsync(DigestId id, CancellationToken cancellationToken);

    /// <summary>Records the delivery and answers the entry as now stored; null when the entry changed since it was read (another delivery raced this one).</summary>
    Task<OutboxEntry?> TryUpdateAsync(OutboxEntry entry, DigestDelivery delivery, CancellationToken cancellationToken);
}
