namespace PartyFunctions.Heartbeat;

/// <summary>Port: the timers' heartbeats (one row per timer).</summary>
public interface IHeartbeatStore
{
    Task<IReadOnlyList<HeartbeatRecord>> GetAllAsync(CancellationToken cancellationToken);

    Task RecordSuccessAsync(string timer, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Writes the first-seen time unless the timer has a row already (the first notice stands).</summary>
    Task NoteFirstSeenAsync(string timer, DateTimeOffset at, CancellationToken cancellationToken);
}
