using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Concurrency;

/// <summary>
/// A timer can fire twice at the same moment: two instances during a deployment overlap, a past-due run beside the
/// scheduled one. For every timer function of the app, the same seeded world is built twice: in one, the timer fires
/// once and its work (shards, digests) runs one message at a time; in the other, it fires on two instances at once and
/// its work runs at the host's concurrency on three, so that many classification shards complete at the same moment.
/// Storage and the emails sent must change in the same way in both.
/// </summary>
[Collection(ConcurrencyCollection.Name)]
public sealed class TimersUnderConcurrencyTests(TwinAzurites azurites, ITestOutputHelper output)
{
    private static readonly string[] WorkQueues =
        [StorageNames.ScoreEventsQueue, StorageNames.ClassificationShardsQueue, StorageNames.DigestsQueue, StorageNames.DigestsPoisonQueue];

    private static IEnumerable<string> TimerNames =>
        FunctionsMetadata.OfBuiltApp.Functions.Where(f => f.Trigger.Type == "timerTrigger").Select(f => f.Name);

    public static TheoryData<string> TimerFunctions() => [.. TimerNames];

    [Fact]
    public void Every_timer_function_of_the_app_has_a_concurrency_case()
    {
        Assert.Equal(TimerNames.Order(StringComparer.Ordinal), TimerCases.ByTimer.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TimerFunctions))]
    public Task A_timer_fired_on_two_instances_at_once_ends_as_one_firing(string timer) =>
        RaceAsync(timer, TimerCases.ByTimer[timer], $"timer {timer}");

    [Fact]
    public Task The_escalation_run_following_plans_fired_on_two_instances_at_once_ends_as_one_firing() =>
        RaceAsync(Timers.Escalation, TimerCases.PlanFollowUpAsync, "timer plan follow-up");

    private async Task RaceAsync(string timer, Func<AzuriteFixture, Task<TimerWorld>> due, string seed)
    {
        var once = await PlayAsync(azurites.Reference, timer, due, seed, WorldChanges.Reference);
        var raced = await PlayAsync(azurites.Raced, timer, due, seed, instances: 3);

        output.WriteLine($"One firing of {timer} changed:\n{string.Join('\n', once)}");
        Assert.NotEmpty(once);
        Assert.True(once.SequenceEqual(raced),
            $"{timer} fired twice at once changed what one firing did not, or missed what it did:\n" +
            string.Join('\n', WorldChanges.Compare(once, raced)));
    }

    private static async Task<IReadOnlyList<string>> PlayAsync(
        AzuriteFixture azurite, string timer, Func<AzuriteFixture, Task<TimerWorld>> due, string seed, int instances)
    {
        // The app's queues are not in a test's namespace: a play must not inherit what an earlier one left.
        await StorageClients.FromConfiguration(azurite.Configuration()).EmptyAppQueuesAsync();
        TimerWorld world;
        using (Twins.Seeded(seed))
        {
            world = await due(azurite);
        }

        await using var owner = world.Owner;
        var storage = world.Host.HostStorage;
        var before = await StorageSnapshot.OfAccountAsync(storage, world.Emails(), new HashSet<string>(), contentTimesBlanked: true);
        var failures = world.Host.QueueFailures.Count;
        await WorldChanges.InstancesAsync(world.Host, instances, async all =>
        {
            await Task.WhenAll(all.Take(2).Select(instance => instance.RunTimerAsync(timer)));
            foreach (var queue in WorkQueues)
            {
                await FunctionHost.DrainQueueAsync(all, queue);
            }

            Assert.Equal(0, WorldChanges.NewFailures(all, world.Host, failures));
        });
        return WorldChanges.Between(before, await StorageSnapshot.OfAccountAsync(storage, world.Emails(), new HashSet<string>(), contentTimesBlanked: true));
    }
}
