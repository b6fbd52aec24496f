using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.AnnualRun;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.AnnualRun;
using PartyFunctions.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Faults;

/// <summary>
/// The last shard of the small province's annual run (Q.G2: the committee with weak cells), whose worker also completes
/// the run (province report, annual-weak alerts, report emails queued), with a storage fault at every call in turn.
/// The queue redelivers, as the host does.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ShardFaultTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly StorageFault[] Rotation = Enum.GetValues<StorageFault>();

    [Fact]
    public async Task A_fault_at_any_storage_call_of_the_last_shard_is_redelivered_and_the_run_ends_as_without_faults()
    {
        var reference = await PlayAsync(0, StorageFault.ServerBusy);
        Assert.True(reference.Calls.Count >= 10, string.Join("\n", reference.Calls));
        output.WriteLine($"fault-free: {reference.Calls.Count} storage calls\n{string.Join("\n", reference.Calls)}");

        // One run per call; the kind of fault rotates, so every kind meets every part of the shard (reads, results,
        // report, shard mark, completion) across the sweep.
        for (var n = 1; n <= reference.Calls.Count; n++)
        {
            var kind = Rotation[(n - 1) % Rotation.Length];
            var run = await PlayAsync(n, kind);
            Assert.True(run.Injected is not null, $"{kind} at call {n}: no fault injected");
            Assert.True(reference.Snapshot.Difference(run.Snapshot).Count == 0, $"{kind} at {run.Injected}: final state differs\n{string.Join('\n', reference.Snapshot.Difference(run.Snapshot))}");
        }

        output.WriteLine($"{reference.Calls.Count} faulty runs converged");
    }

    private sealed record Run(IReadOnlyList<StorageCall> Calls, StorageCall? Injected, StorageSnapshot Snapshot);

    private async Task<Run> PlayAsync(int failAt, StorageFault kind)
    {
        var policy = StorageFaultPolicy.For(azurite);
        // A fixed link-signing key: the emails' signed links are then the same in every run.
        var province = await Province.CreateAsync(azurite, services => services.AddSingleton(policy.Registration),
            new Dictionary<string, string?> { [AppSettings.LinksSigningKey] = Convert.ToBase64String(new byte[32]) });
        province.Store.Failing = false;
        await using var host = province.Host;
        var storage = host.HostStorage;
        // The digest queue is not prefixed (the host binds it by name): each run starts it empty, and its own outbox too.
        var outbox = storage.Blobs.GetBlobContainerClient(host.Configuration[StorageNamespace.PrefixSetting]!.ToLowerInvariant() + StorageNames.OutboxContainer);
        if (await outbox.ExistsAsync())
        {
            await foreach (var blob in outbox.GetBlobsAsync())
            {
                await outbox.DeleteBlobAsync(blob.Name);
            }
        }

        var digests = storage.Queues.GetQueueClient(StorageNames.DigestsQueue);
        await digests.CreateIfNotExistsAsync();
        await digests.ClearMessagesAsync();

        // The timer queues the four shards; Q.G2's is kept back and classified last, under the fault.
        await host.RunTimerAsync("AnnualClassification", new TimerInfo());
        var shards = storage.Queues.GetQueueClient(StorageNames.ClassificationShardsQueue);
        await shards.ClearMessagesAsync();
        foreach (var committee in new[] { "Q.G1", "Q.G3", "Q.G4" })
        {
            await shards.SendMessageAsync(JsonSerializer.Serialize(new ShardMessage("annual-2025", 2025, committee)));
        }

        Assert.Equal(3, await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue));
        await shards.SendMessageAsync(JsonSerializer.Serialize(new ShardMessage("annual-2025", 2025, "Q.G2")));

        policy.Arm(failAt, kind);
        var done = await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);
        policy.Disarm();

        var context = $"{kind} at {policy.Injected}";
        Assert.True(done == 1, $"{context}: {string.Join("\n", host.QueueFailures)}");
        // One fault, at most one failed delivery (a lost answer to a read that the SDK repeated fails nothing).
        Assert.True(host.QueueFailures.Count <= (policy.Injected is null ? 0 : 1), $"{context}: {string.Join("\n", host.QueueFailures)}");
        Assert.Equal(0, (await storage.Queues.GetQueueClient(StorageNames.ClassificationShardsPoisonQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var status = (await host.Services.GetRequiredService<GetClassificationRunStatus>().RunAsync(2025, default))!;
        Assert.True(status.Run.IsCompleted, context);
        Assert.Equal((4, 0, 0), (status.ShardsDone, status.ShardsPending, status.FailedShards.Count));

        var prefix = host.Configuration[StorageNamespace.PrefixSetting]!;
        var snapshot = await StorageSnapshot.OfAsync(storage,
            [prefix + StorageNames.ClassificationRunsTable, prefix + StorageNames.AnnualResultsTable,
             prefix + StorageNames.AlertsTable, prefix + StorageNames.AlertIndexTable, prefix + StorageNames.RunsTable],
            [prefix.ToLowerInvariant() + StorageNames.ReportsContainer, prefix.ToLowerInvariant() + StorageNames.OutboxContainer],
            [StorageNames.DigestsQueue]);
        return new Run(policy.Calls, policy.Injected, snapshot);
    }
}
