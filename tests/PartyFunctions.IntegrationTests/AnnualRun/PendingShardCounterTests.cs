using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.AnnualRun;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.AnnualRun;

/// <summary>
/// "Is any shard still pending?" is asked after every shard: it must cost the same at 2,000 shards as at 20 (it was a
/// filtered scan of the run's partition, quadratic over a run), and stay right through failures and resumes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PendingShardCounterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Asking_whether_a_shard_is_pending_reads_the_16_counters_at_2000_shards_as_at_20_and_never_the_shards()
    {
        var log = new StorageRequestLog(azurite);
        await using var host = FunctionHost.Create(TestSettings.For(azurite), log.Register);
        var runs = host.Services.GetRequiredService<IClassificationRunStore>();

        var small = await RequestsToAskAsync(runs, log, "annual-small", 20);
        var large = await RequestsToAskAsync(runs, log, "annual-large", 2000);

        // Azurite answers a filtered scan in one request too, so what shows the cost is what is read: on Table Storage
        // a filter on Status examines every shard row up to the first pending one, after every shard of the run.
        Assert.All(small.Concat(large), r => Assert.Contains("RowKey ge 'pending|'", r.Query, StringComparison.Ordinal));
        Assert.All(small.Concat(large), r => Assert.DoesNotContain("shard|", r.Query, StringComparison.Ordinal));
        Assert.Equal((1, 1), (small.Count, large.Count));
    }

    [Fact]
    public async Task Pending_follows_each_shard_done_failed_and_resumed()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var runs = host.Services.GetRequiredService<IClassificationRunStore>();
        string[] shards = ["Q.G1", "Q.G2", "Q.G3"];
        await runs.AddShardsAsync("annual-2025", shards, default);

        Assert.True((await runs.MoveShardAsync(new ShardState("annual-2025", "Q.G1", ShardStatus.Done, 4), default)).Moved);
        Assert.Equal(new ShardMove(false, true), await runs.MoveShardAsync(new ShardState("annual-2025", "Q.G1", ShardStatus.Done, 4), default));
        Assert.True((await runs.MoveShardAsync(new ShardState("annual-2025", "Q.G2", ShardStatus.Failed, Error: "timeout"), default)).Moved);
        Assert.True(await runs.HasPendingShardsAsync("annual-2025", default));
        Assert.True((await runs.MoveShardAsync(new ShardState("annual-2025", "Q.G3", ShardStatus.Done, 2), default)).Moved);
        Assert.False(await runs.HasPendingShardsAsync("annual-2025", default));

        // A resume puts the failed shard back to pending; when it is done the run has nothing pending again.
        await runs.SetShardAsync(new ShardState("annual-2025", "Q.G2", ShardStatus.Pending), default);
        Assert.True(await runs.HasPendingShardsAsync("annual-2025", default));
        Assert.True((await runs.MoveShardAsync(new ShardState("annual-2025", "Q.G2", ShardStatus.Done, 3), default)).Moved);
        Assert.False(await runs.HasPendingShardsAsync("annual-2025", default));
    }

    [Fact]
    public async Task A_move_after_writes_that_failed_moves_nothing_and_throws_their_error()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var runs = host.Services.GetRequiredService<IClassificationRunStore>();
        await runs.AddShardsAsync("annual-2025", ["Q.G1"], default);

        await Assert.ThrowsAsync<IOException>(() => runs.MoveShardAfterAsync(
            new ShardState("annual-2025", "Q.G1", ShardStatus.Done, 4), Task.FromException(new IOException("results not written")), default));

        Assert.Equal(ShardStatus.Pending, (await runs.GetShardAsync("annual-2025", "Q.G1", default))!.Status);
        Assert.True(await runs.HasPendingShardsAsync("annual-2025", default));
        Assert.True((await runs.MoveShardAfterAsync(new ShardState("annual-2025", "Q.G1", ShardStatus.Done, 4), Task.CompletedTask, default)).Moved);
        Assert.False(await runs.HasPendingShardsAsync("annual-2025", default));
    }

    [Fact]
    public async Task Copies_of_many_shards_finishing_at_once_leave_nothing_pending_and_nothing_counted_twice()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var runs = host.Services.GetRequiredService<IClassificationRunStore>();
        var shards = Enumerable.Range(1, 60).Select(i => $"Q.G{i:000}").ToList();
        await runs.AddShardsAsync("annual-2025", shards, default);

        var moved = await Task.WhenAll(shards.Concat(shards).Select(id =>
            runs.MoveShardAsync(new ShardState("annual-2025", id, ShardStatus.Done, 1), default)));

        Assert.Equal(60, moved.Count(m => m.Moved));
        Assert.False(await runs.HasPendingShardsAsync("annual-2025", default));
    }

    [Fact]
    public async Task Only_a_shard_that_empties_its_counter_may_be_the_last_so_200_shards_ask_for_completion_at_most_16_times()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var runs = host.Services.GetRequiredService<IClassificationRunStore>();
        var shards = Enumerable.Range(1, 200).Select(i => $"Q.G{i:000}").ToList();
        await runs.AddShardsAsync("annual-2025", shards, default);

        var moves = new List<ShardMove>();
        foreach (var id in shards)
        {
            moves.Add(await runs.MoveShardAsync(new ShardState("annual-2025", id, ShardStatus.Done, 1), default));
        }

        Assert.All(moves, m => Assert.True(m.Moved));
        Assert.InRange(moves.Count(m => m.MayBeLast), 1, 16);
        Assert.True(moves[^1].MayBeLast);
        Assert.False(await runs.HasPendingShardsAsync("annual-2025", default));
    }

    private static async Task<IReadOnlyList<StorageRequest>> RequestsToAskAsync(IClassificationRunStore runs, StorageRequestLog log, string runId, int shards)
    {
        var ids = Enumerable.Range(1, shards).Select(i => $"Q.G{i:0000}").ToList();
        await runs.AddShardsAsync(runId, ids, default);
        // All but the last are done: the question that used to scan the partition to its end.
        foreach (var id in ids.SkipLast(1).Take(5))
        {
            await runs.MoveShardAsync(new ShardState(runId, id, ShardStatus.Done, 1), default);
        }

        return await log.DuringAsync(async () => Assert.True(await runs.HasPendingShardsAsync(runId, default)));
    }
}
