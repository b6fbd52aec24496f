namespace PartyFunctions.Heartbeat;

/// <summary>
/// The one wrapper every timer trigger runs its use case through: the heartbeat is written only after the use case
/// returned, so a run that throws leaves the last success where it was and the check sees the timer fall behind.
/// </summary>
public sealed class RecordHeartbeat(IHeartbeatStore store, TimeProvider clock)
{
    public async Task<T> RunAsync<T>(string timer, Func<CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var result = await run(cancellationToken);
        await store.RecordSuccessAsync(timer, clock.GetUtcNow(), cancellationToken);
        return result;
    }
}
