using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Reliability;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Concurrency;

/// <summary>
/// Queues deliver at least once and the host runs up to batchSize + newBatchThreshold messages at once on each of many
/// instances, so copies of one message run at the same moment. For every queue function of the app (its case in
/// <see cref="RedeliveryCases"/>), the same seeded world is built twice: in one, the message is delivered once, one
/// message at a time; in the other, copies of it race at the host's concurrency, on one instance or on three. Storage and the emails sent (counted at the SendGrid stub)
/// must change in the same way in both.
/// </summary>
[Collection(ConcurrencyCollection.Name)]
public sealed class QueueFunctionsUnderConcurrencyTests(TwinAzurites azurites, ITestOutputHelper output)
{
    public static TheoryData<string> QueueFunctions() => QueueFunctionsDeliveredTwiceTests.QueueFunctions();

    [Theory]
    [MemberData(nameof(QueueFunctions))]
    public Task Two_copies_of_a_message_running_at_once_on_one_instance_end_as_one_delivery(string function) =>
        RaceAsync(function, copies: 2, instances: 1);

    [Theory]
    [MemberData(nameof(QueueFunctions))]
    public Task A_message_redelivered_to_three_racing_instances_ends_as_one_delivery(string function) =>
        RaceAsync(function, copies: 3, instances: 3);

    private async Task RaceAsync(string function, int copies, int instances)
    {
        var seed = $"{function}/{copies}x{instances}";
        var once = await PlayAsync(azurites.Reference, function, seed, copies: 1, WorldChanges.Reference);
        var raced = await PlayAsync(azurites.Raced, function, seed, copies, instances);

        output.WriteLine($"One delivery to {function} changed:\n{string.Join('\n', once)}");
        Assert.NotEmpty(once);
        Assert.True(once.SequenceEqual(raced),
            $"{copies} copies of the message on {instances} instance(s) changed what one delivery did not, or missed what it did:\n" +
            string.Join('\n', WorldChanges.Compare(once, raced)));
    }

    private static async Task<IReadOnlyList<string>> PlayAsync(AzuriteFixture azurite, string function, string seed, int copies, int instances)
    {
        // The app's queues are not in a test's namespace: a play must not inherit what an earlier one left.
        await StorageClients.FromConfiguration(azurite.Configuration()).EmptyAppQueuesAsync();
        Redelivery redelivery;
        using (Twins.Seeded(seed))
        {
            redelivery = await RedeliveryCases.ByFunction[function](azurite);
        }

        await using var owner = redelivery;
        var queueName = FunctionsMetadata.OfBuiltApp[function].Trigger.QueueName!;
        var queue = redelivery.Storage.Queues.GetQueueClient(queueName);
        var waiting = Assert.Single((await queue.ReceiveMessagesAsync(32)).Value);
        await queue.DeleteMessageAsync(waiting.MessageId, waiting.PopReceipt);
        var before = await redelivery.SnapshotAsync(contentTimesBlanked: true);

        for (var i = 0; i < copies; i++)
        {
            await queue.SendMessageAsync(waiting.Body);
        }

        var failures = redelivery.Host.QueueFailures.Count;
        await WorldChanges.InstancesAsync(redelivery.Host, instances, async all =>
        {
            await FunctionHost.DrainQueueAsync(all, queueName);
            Assert.Equal(0, WorldChanges.NewFailures(all, redelivery.Host, failures));
        });
        return WorldChanges.Between(before, await redelivery.SnapshotAsync(contentTimesBlanked: true));
    }
}
