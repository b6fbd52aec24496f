namespace PartyFunctions.Concurrency;

/// <summary>
/// Independent storage requests, one per item, a few in flight at once, answered in the items' order: a run waits for
/// its items / <see cref="Width"/> round trips, not one per item.
/// </summary>
public static class SideBySide
{
    /// <summary>How many requests one caller keeps in flight (the width the runs' figures in docs/benchmarks.md were measured at).</summary>
    public const int Width = 16;

    public static async Task<TResult[]> SelectAsync<T, TResult>(
        IReadOnlyList<T> items, Func<T, CancellationToken, Task<TResult>> select, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(select);
        var results = new TResult[items.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = Width, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await select(items[i], ct));
        return results;
    }
}
