using PartyFunctions.Heartbeat;

namespace PartyFunctions.UnitTests.Heartbeat;

/// <summary>The heartbeat port in memory, with the table's semantics (first-seen only when absent, success merged).</summary>
internal sealed class InMemoryHeartbeatStore : IHeartbeatStore
{
    public Dictionary<string, HeartbeatRecord> Records { get; } = new(StringComparer.Ordinal);

    public int Reads { get; private set; }

    public Task<IReadOnlyList<HeartbeatRecord>> GetAllAsync(CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult<IReadOnlyList<HeartbeatRecord>>([.. Records.Values]);
    }

    public Task RecordSuccessAsync(string timer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Records[timer] = (Records.GetValueOrDefault(timer) ?? new HeartbeatRecord(timer, null, null)) with { LastSuccessAt = at };
        return Task.CompletedTask;
    }

    public Task NoteFirstSeenAsync(string timer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Records.TryAdd(timer, new HeartbeatRecord(timer, null, at));
        return Task.CompletedTask;
    }
}
