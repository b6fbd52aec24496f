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

    /// <summary>Runs <paramref name="play"/> on <paramref name="first"/> and <paramref name="count"/> - 1 more instances of the same app, then stops the extra ones.</summary>
    public static async Task InstancesAsync(FunctionHost first, int count, Func<IReadOnlyList<FunctionHost>, Task> play)
    {
        List<FunctionHost> all = [first, .. Enumerable.Range(1, count - 1).Select(_ => first.StartAnotherInstance())];
        try
        {
            await play(all);
        }
        finally
        {
            foreach (var extra in all.Skip(1))
            {
                await extra.DisposeAsync();
            }
        }
    }
}
