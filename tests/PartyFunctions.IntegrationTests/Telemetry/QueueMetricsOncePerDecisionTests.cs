using PartyFunctions.IntegrationTests.Concurrency;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Reliability;
using PartyFunctions.Telemetry;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Telemetry;

/// <summary>A private Azurite: these tests leave messages on the shared queue names.</summary>
[CollectionDefinition(Name)]
public sealed class MetricsCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Metrics";
}

/// <summary>
/// A business metric counts decisions, not deliveries: every queue function (its case in <see cref="RedeliveryCases"/>)
/// counts its decision once on the first delivery, nothing on a redelivery, and once when copies of the message race
/// on three instances.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class QueueMetricsOncePerDecisionTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    /// <summary>What each queue function's case decides on its first delivery.</summary>
    private static readonly IReadOnlyDictionary<string, (string Metric, string? Tag)> Decision = new Dictionary<string, (string, string?)>
    {
        ["ScoreEvents"] = (MetricNames.AlertsOpened, "rule=weak-month"),
        ["ClassifyShard"] = (MetricNames.ShardsDone, null),
        ["ClassifyShardPoison"] = (MetricNames.ShardsFailed, null),
        ["SendDigest"] = (MetricNames.DigestsSent, null),
        ["UndeliverableDigest"] = (MetricNames.DigestsFailed, null),
    };

    public static TheoryData<string> QueueFunctions() => QueueFunctionsDeliveredTwiceTests.QueueFunctions();

    [Fact]
    public void Every_queue_function_has_its_decision_named_here()
    {
        Assert.Equal(RedeliveryCases.ByFunction.Keys.Order(StringComparer.Ordinal), Decision.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(QueueFunctions))]
    public async Task A_redelivered_message_counts_its_decision_once(string function)
    {
        await using var redelivery = await RedeliveryCases.ByFunction[function](azurite);
        var (queue, message) = await TakeMessageAsync(redelivery, function);
        using var metrics = new MetricRecorder(redelivery.Host);

        await queue.SendMessageAsync(message);
        await redelivery.Host.DrainQueueAsync(queue.Name);
        var first = metrics.Take();
        redelivery.Clock?.Advance(TimeSpan.FromMinutes(10));
        await queue.SendMessageAsync(message);
        await redelivery.Host.DrainQueueAsync(queue.Name);
        var second = metrics.Take();

        output.WriteLine($"First delivery:\n{string.Join('\n', first.Totals())}");
        var (metric, tag) = Decision[function];
        Assert.Equal(1, first.Total(metric, tag));
        Assert.True(second.Count == 0, $"The second delivery counted:\n{string.Join('\n', second.Totals())}");
    }

    [Theory]
    [MemberData(nameof(QueueFunctions))]
    public async Task Copies_of_a_message_racing_on_three_instances_count_as_one_delivery(string function)
    {
        var once = await PlayAsync(function, copies: 1, instances: 1);
        var raced = await PlayAsync(function, copies: 3, instances: 3);

        output.WriteLine($"One delivery:\n{string.Join('\n', once.Totals())}\nThree racing:\n{string.Join('\n', raced.Totals())}");
        var (metric, tag) = Decision[function];
        Assert.Equal(1, raced.Total(metric, tag));
        Assert.Equal(once.Totals(), raced.Totals());
    }

    private async Task<IReadOnlyList<RecordedMetric>> PlayAsync(string function, int copies, int instances)
    {
        await using var redelivery = await RedeliveryCases.ByFunction[function](azurite);
        var (queue, message) = await TakeMessageAsync(redelivery, function);
        IReadOnlyList<RecordedMetric> counted = [];
        await WorldChanges.InstancesAsync(redelivery.Host, instances, async all =>
        {
            using var metrics = new MetricRecorder([.. all]);
            for (var copy = 0; copy < copies; copy++)
            {
                await queue.SendMessageAsync(message);
            }

            await FunctionHost.DrainQueueAsync(all, queue.Name);
            counted = metrics.Take();
        });
        return counted;
    }

    private static async Task<(Azure.Storage.Queues.QueueClient Queue, BinaryData Message)> TakeMessageAsync(Redelivery redelivery, string function)
    {
        var queue = redelivery.Storage.Queues.GetQueueClient(FunctionsMetadata.OfBuiltApp[function].Trigger.QueueName!);
        var waiting = Assert.Single((await queue.ReceiveMessagesAsync(32)).Value);
        await queue.DeleteMessageAsync(waiting.MessageId, waiting.PopReceipt);
        return (queue, waiting.Body);
    }
}
