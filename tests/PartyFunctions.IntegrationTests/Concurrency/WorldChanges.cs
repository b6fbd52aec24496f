using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Concurrency;

/// <summary>What a play changed in a world, as lines to compare with its twin's, and the instances a play races on.</summary>
internal static class WorldChanges
{
    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>, times blanked (the twins' clocks may differ).</summary>
    public static IReadOnlyList<string> Between(StorageSnapshot before, StorageSnapshot after) =>
        before.WithoutTimes().Difference(after.WithoutTimes());

    /// <summary>The lines one play's changes have and the other's lack, marked with the play that has them.</summary>
    public static IEnumerable<string> Compare(IReadOnlyList<string> once, IReadOnlyList<string> raced) =>
        once.Except(raced, StringComparer.Ordinal).Select(l => "only once:  " + l)
            .Concat(raced.Except(once, StringComparer.Ordinal).Select(l => "only raced: " + l));

    /// <summary>
    /// Runs <paramref name="play"/> on <paramref name="count"/> instances of the app of <paramref name="first"/> at the
    /// host's concurrency, or, for the reference (<paramref name="count"/> 0), on one instance that runs one message at
    /// a time; then stops the instances it started.
    /// </summary>
    public static async Task InstancesAsync(FunctionHost first, int count, Func<IReadOnlyList<FunctionHost>, Task> play)
    {
        List<FunctionHost> started = count == 0
            ? [first.StartAnotherInstance(first.QueueOptions.OneAtATime)]
            : [.. Enumerable.Range(1, count - 1).Select(_ => first.StartAnotherInstance())];
        try
        {
            await play(count == 0 ? started : [first, .. started]);
        }
        finally
        {
            foreach (var instance in started)
            {
                await instance.DisposeAsync();
            }
        }
    }

    /// <summary>Queue failures on <paramref name="all"/> since <paramref name="first"/> had <paramref name="before"/>.</summary>
    public static int NewFailures(IReadOnlyList<FunctionHost> all, FunctionHost first, int before) =>
        all.Sum(h => h.QueueFailures.Count) - (all.Contains(first) ? before : 0);

    /// <summary>The reference play: one instance, one message at a time.</summary>
    public const int Reference = 0;
}
