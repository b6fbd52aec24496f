using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Alerts;
using PartyFunctions.IntegrationTests.AnnualRun;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Notifications;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PartyFunctions.IntegrationTests.Reliability;

/// <summary>
/// One representative message per queue function, built with the capability tests' own worlds, chosen so that its
/// first delivery does something visible: a weak month (opens an alert), the last shard of a run (completes it:
/// reports, alerts, digests), a poisoned shard (marks it failed, completes the run), a digest (one email), an
/// undeliverable digest (records it, emails the administrators). The functions without an email client of their own
/// only queue digests, which the snapshot holds as queue messages.
/// A redelivered shard classifies again by design (ClassifyShard writes the same results) and a repeated poison
/// message completes the run again; neither may change anything, not even the time on the shard's mark.
/// </summary>
internal static class RedeliveryCases
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static readonly IReadOnlyDictionary<string, Func<AzuriteFixture, Task<Redelivery>>> ByFunction =
        new Dictionary<string, Func<AzuriteFixture, Task<Redelivery>>>(StringComparer.Ordinal)
        {
            ["ScoreEvents"] = WeakMonthScoreEventAsync,
            ["ClassifyShard"] = LastShardOfTheRunAsync,
            ["ClassifyShardPoison"] = PoisonedShardAsync,
            ["SendDigest"] = DigestAsync,
            ["UndeliverableDigest"] = UndeliverableDigestAsync,
        };

    private static async Task<Redelivery> WeakMonthScoreEventAsync(AzuriteFixture azurite)
    {
        var world = await AlertWorld.CreateAsync(azurite);
        world.At(2025, 12, 3, 10);
        var score = await world.ScoreAsync(world.C1, AlertWorld.November, Band.Weak);
        var events = QueueOf(world.Host, StorageNames.ScoreEventsQueue);
        await events.CreateIfNotExistsAsync();
        await events.SendMessageAsync(
            JsonSerializer.Serialize(ScoreRecorded.Of(score, world.Clock.GetUtcNow()), Web));
        return new Redelivery(world.Host, world.Clock, () => [], world);
    }

    /// <summary>The run's first three shards are done; the fourth, the message, completes the run.</summary>
    private static async Task<Redelivery> LastShardOfTheRunAsync(AzuriteFixture azurite)
    {
        var province = await Province.CreateAsync(azurite);
        province.Store.Failing = false;
        await province.Host.RunTimerAsync("AnnualClassification", new TimerInfo());
        var shards = (await province.Shards.ReceiveMessagesAsync(32)).Value;
        Assert.Equal(SmallProvince.Committees.Length, shards.Length);
        foreach (var shard in shards)
        {
            await province.Shards.DeleteMessageAsync(shard.MessageId, shard.PopReceipt);
        }

        var last = shards.Single(s => s.Body.ToString().Contains("Q.G4", StringComparison.Ordinal));
        foreach (var shard in shards.Where(s => s != last))
        {
            await province.Shards.SendMessageAsync(shard.Body);
        }

        Assert.Equal(SmallProvince.Committees.Length - 1, await province.Host.DrainQueueAsync(StorageNames.ClassificationShardsQueue));
        await province.Shards.SendMessageAsync(last.Body);
        return new Redelivery(province.Host, province.Clock, () => [], province.Host);
    }

    /// <summary>Q.G4's reads keep failing: its shard reaches the poison queue, as the host moves it after its retries.</summary>
    private static async Task<Redelivery> PoisonedShardAsync(AzuriteFixture azurite)
    {
        var province = await Province.CreateAsync(azurite);
        await province.Host.RunTimerAsync("AnnualClassification", new TimerInfo());
        await province.Host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);
        return new Redelivery(province.Host, province.Clock, () => [], province.Host);
    }

    private static async Task<Redelivery> DigestAsync(AzuriteFixture azurite)
    {
        var pipeline = await EmailPipeline.StartAsync(azurite);
        Accept(pipeline);
        await pipeline.SubmitAsync(SampleDigests.ForAssignedMember());
        return new Redelivery(pipeline.Host, null, pipeline.SentBodies, pipeline);
    }

    /// <summary>A digest the host gave up on: its message moved from <c>digests</c> to <c>digests-poison</c>.</summary>
    private static async Task<Redelivery> UndeliverableDigestAsync(AzuriteFixture azurite)
    {
        var pipeline = await EmailPipeline.StartAsync(azurite);
        Accept(pipeline);
        await pipeline.SubmitAsync(SampleDigests.ForAssignedMember());
        var message = (await pipeline.Digests.ReceiveMessageAsync()).Value;
        await pipeline.Digests.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        await pipeline.Poison.SendMessageAsync(message.Body);
        return new Redelivery(pipeline.Host, null, pipeline.SentBodies, pipeline);
    }

    private static void Accept(EmailPipeline pipeline) =>
        pipeline.SendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "sg-redelivery"));

    private static QueueClient QueueOf(FunctionHost host, string name) =>
        host.Services.GetRequiredService<StorageClients>().Queues.GetQueueClient(name);
}
