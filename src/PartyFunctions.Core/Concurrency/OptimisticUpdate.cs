namespace PartyFunctions.Concurrency;

/// <summary>
/// Optimistic concurrency, written once: read, decide, write under the version (ETag) read; when another writer got
/// there first, read again and decide again. A few attempts absorb the usual overlaps (an escalation run and an
/// acknowledgement on one alert); past them the caller answers "busy, try again" rather than loop.
/// </summary>
public static class OptimisticUpdate
{
    /// <summary>How many read-decide-write rounds one update tries before it gives up as busy.</summary>
    public const int Attempts = 3;

    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<UpdateAttempt<T>>> attempt, Func<T> busy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(busy);
        for (var round = 0; round < Attempts; round++)
        {
            var result = await attempt(cancellationToken);
            if (!result.Conflicted)
            {
                return result.Value!;
            }
        }

        return busy();
    }
}
