using PartyFunctions.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Reliability;

/// <summary>A private Azurite: the snapshots cover the whole account, so it holds only these cases' state.</summary>
[CollectionDefinition(Name)]
public sealed class RedeliveryCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Redelivery";
}

/// <summary>
/// Queues deliver at least once: every queue function of the app (read from functions.metadata, so a new one without a
/// case fails here) gets its representative message twice, and the second delivery must leave storage and the sent
/// emails exactly as the first left them — with the clock moved on, so a rewritten time counts as a change.
/// </summary>
[Collection(RedeliveryCollection.Name)]
public sealed class QueueFunctionsDeliveredTwiceTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    public static TheoryData<string> QueueFunctions() =>
        [.. FunctionsMetadata.OfBuiltApp.Functions.Where(f => f.Trigger.Type == "queueTrigger").Select(f => f.Name)];

    [Fact]
    public void Every_queue_function_of_the_app_has_a_redelivery_case()
    {
        var functions = FunctionsMetadata.OfBuiltApp.Functions.Where(f => f.Trigger.Type == "queueTrigger").Select(f => f.Name);

        Assert.Equal(functions.Order(StringComparer.Ordinal), RedeliveryCases.ByFunction.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(QueueFunctions))]
    public async Task A_second_delivery_of_the_same_message_changes_nothing(string function)
    {
        Assert.True(RedeliveryCases.ByFunction.TryGetValue(function, out var arrange), $"{function} has no case in {nameof(RedeliveryCases)}.");
        await using var redelivery = await arrange(azurite);
        var queueName = FunctionsMetadata.OfBuiltApp[function].Trigger.QueueName!;
        var queue = redelivery.Storage.Queues.GetQueueClient(queueName);
        var waiting = (await queue.ReceiveMessagesAsync(32)).Value;
        var message = Assert.Single(waiting).Body;
        await queue.DeleteMessageAsync(waiting[0].MessageId, waiting[0].PopReceipt);
        var failures = redelivery.Host.QueueFailures.Count;

        var before = await redelivery.SnapshotAsync();
        await DeliverAsync();
        var once = await redelivery.SnapshotAsync();
        redelivery.Clock?.Advance(TimeSpan.FromMinutes(10));
        await DeliverAsync();
        var twice = await redelivery.SnapshotAsync();

        Assert.Equal(failures, redelivery.Host.QueueFailures.Count);
        var done = before.Difference(once);
        output.WriteLine($"The first delivery to {function} changed:\n{string.Join('\n', done)}");
        Assert.NotEmpty(done);
        var changed = once.Difference(twice);
        Assert.True(changed.Count == 0, $"The second delivery to {function} changed:\n{string.Join('\n', changed)}");

        async Task DeliverAsync()
        {
            await queue.SendMessageAsync(message);
            Assert.Equal(1, await redelivery.Host.DrainQueueAsync(queueName));
        }
    }
}
