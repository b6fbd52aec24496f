using System.Collections.Concurrent;
using PartyFunctions.Notifications;

namespace PartyFunctions.UnitTests.Fakes;

/// <summary>The outbox port in memory, with the blob's add-once and ETag semantics: enough for the use cases' rules.</summary>
internal sealed class InMemoryOutbox : IOutbox
{
    private readonly ConcurrentDictionary<DigestId, OutboxEntry> entries = new();
    private int version;

    public IReadOnlyCollection<Digest> Digests => [.. entries.Values.Select(e => e.Digest)];

    public Task<bool> AddAsync(Digest digest, CancellationToken cancellationToken) =>
        Task.FromResult(entries.TryAdd(digest.Id, new OutboxEntry(digest, DigestDelivery.Pending, NextETag())));

    public Task<OutboxEntry?> GetAsync(DigestId id, CancellationToken cancellationToken) =>
        Task.FromResult(entries.GetValueOrDefault(id));

    public Task<OutboxEntry?> TryUpdateAsync(OutboxEntry entry, DigestDelivery delivery, CancellationToken cancellationToken)
    {
        var updated = entry with { Delivery = delivery, ETag = NextETag() };
        return Task.FromResult(entries.TryUpdate(entry.Digest.Id, updated, entry) ? updated : null);
    }

    private string NextETag() => Interlocked.Increment(ref version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
