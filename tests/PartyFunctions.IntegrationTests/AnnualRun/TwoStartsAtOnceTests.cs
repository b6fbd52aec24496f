using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.AnnualRun;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Infrastructure.AnnualRun;

namespace PartyFunctions.IntegrationTests.AnnualRun;

/// <summary>
/// The annual timer on two instances at the same moment (a deployment overlap): both record the run's shards, held so
/// that both read "no shards yet" before either writes, the race the concurrency twins only meet now and then.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TwoStartsAtOnceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Two_starts_that_both_find_no_shards_record_each_shard_once_and_send_it_once()
    {
        var together = new Together(2);
        var province = await Province.CreateAsync(azurite, services =>
            services.AddSingleton<IClassificationRunStore>(sp => new HeldShardStore(ActivatorUtilities.CreateInstance<TableClassificationRunStore>(sp), together)));
        province.Store.Failing = false;
        await using var host = province.Host;
        await using var other = host.StartAnotherInstance();

        await Task.WhenAll(host.RunTimerAsync("AnnualClassification", new TimerInfo()), other.RunTimerAsync("AnnualClassification", new TimerInfo()));

        var shards = await host.Services.GetRequiredService<IClassificationRunStore>().GetShardsAsync(ClassificationRun.IdFor(2025), default);
        Assert.Equal(SmallProvince.Committees.Order(StringComparer.Ordinal), shards.Select(s => s.SuperiorId).Order(StringComparer.Ordinal));
        var sent = (await province.Shards.PeekMessagesAsync(32)).Value;
        Assert.Equal(SmallProvince.Committees.Length, sent.Length);
        Assert.Equal(SmallProvince.Committees.Length, await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue));
        Assert.False(await host.Services.GetRequiredService<IClassificationRunStore>().HasPendingShardsAsync(ClassificationRun.IdFor(2025), default));
    }

    /// <summary>The real store, except that recording shards waits until every start has come to record them.</summary>
    private sealed class HeldShardStore(IClassificationRunStore inner, Together together) : IClassificationRunStore
    {
        public async Task AddShardsAsync(string runId, IReadOnlyCollection<string> superiorIds, CancellationToken cancellationToken)
        {
            await together.ArriveAsync();
            await inner.AddShardsAsync(runId, superiorIds, cancellationToken);
        }

        public Task<StoredRun?> GetRunAsync(string runId, CancellationToken cancellationToken) => inner.GetRunAsync(runId, cancellationToken);

        public Task<(StoredRun Run, bool Created)> AddRunAsync(ClassificationRun run, CancellationToken cancellationToken) => inner.AddRunAsync(run, cancellationToken);

        public Task<IReadOnlyList<ShardState>> GetShardsAsync(string runId, CancellationToken cancellationToken) => inner.GetShardsAsync(runId, cancellationToken);

        public Task<ShardState?> GetShardAsync(string runId, string superiorId, CancellationToken cancellationToken) =>
            inner.GetShardAsync(runId, superiorId, cancellationToken);

        public Task SetShardAsync(ShardState shard, CancellationToken cancellationToken) => inner.SetShardAsync(shard, cancellationToken);

        public Task<ShardMove> MoveShardAsync(ShardState shard, CancellationToken cancellationToken) => inner.MoveShardAsync(shard, cancellationToken);

        public Task<ShardMove> MoveShardAfterAsync(ShardState shard, Task written, CancellationToken cancellationToken) =>
            inner.MoveShardAfterAsync(shard, written, cancellationToken);

        public Task<bool> HasPendingShardsAsync(string runId, CancellationToken cancellationToken) => inner.HasPendingShardsAsync(runId, cancellationToken);

        public Task<StoredRun?> TryClaimCompletionAsync(StoredRun run, CompletionClaim claim, CancellationToken cancellationToken) =>
            inner.TryClaimCompletionAsync(run, claim, cancellationToken);

        public Task<bool> TryCompleteAsync(StoredRun run, DateTimeOffset at, CancellationToken cancellationToken) => inner.TryCompleteAsync(run, at, cancellationToken);
    }

    /// <summary>The first <c>n</c> arrivals wait for each other (at most 10 s); later ones pass.</summary>
    private sealed class Together(int n)
    {
        private readonly TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int arrived;

        public Task ArriveAsync()
        {
            if (Interlocked.Increment(ref arrived) == n)
            {
                all.SetResult();
            }

            return all.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
