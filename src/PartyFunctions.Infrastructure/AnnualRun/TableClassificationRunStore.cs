using Azure;
using Azure.Data.Tables;
using PartyFunctions.AnnualRun;

namespace PartyFunctions.Infrastructure.AnnualRun;

/// <summary>
/// Runs and their shards in one table: PK = run id; RK <c>run</c> for the run, <c>shard|{superiorId}</c> for each shard,
/// and <c>pending|00</c>..<c>pending|15</c>: how many shards are pending, split over <see cref="PendingCounters"/> rows so
/// that shards finishing together rarely write the same row. A shard's move into or out of Pending changes its counter
/// in the same entity-group transaction, so "is any shard pending" reads 16 rows however many shards the run has (it was
/// a filtered scan of the partition after every shard: quadratic in shards). A run recorded before the counters, or
/// whose first start was interrupted between its shards and its counters, has none and is scanned as before.
/// </summary>
public sealed class TableClassificationRunStore(AnnualRunTables tables) : IClassificationRunStore
{
    private const string RunKey = "run";
    private const string ShardPrefix = "shard|";
    private const string PendingPrefix = "pending|";
    private const int PendingCounters = 16;

    public async Task<StoredRun?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        var table = await tables.RunsAsync();
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(runId, RunKey, cancellationToken: cancellationToken);
        return entity.HasValue ? ToRun(entity.Value!) : null;
    }

    public async Task<(StoredRun Run, bool Created)> AddRunAsync(ClassificationRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await tables.RunsAsync();
        try
        {
            var response = await table.AddEntityAsync(ToEntity(run), cancellationToken);
            return (new StoredRun(run, response.Headers.ETag?.ToString() ?? string.Empty), true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return ((await GetRunAsync(run.RunId, cancellationToken))!, false);
        }
    }

    public async Task AddShardsAsync(string runId, IReadOnlyCollection<string> superiorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(superiorIds);
        var table = await tables.RunsAsync();
        // Two starts at once (the timer on two instances) add the same shards: a batch is all or nothing, so a batch
        // refused because the other start added one of its shards adds nothing, and the shards still missing are
        // read again and added. The other start only ever adds the same pending shards, so a few rounds end it.
        var first = true;
        for (var round = 0; ; round++)
        {
            var existing = (await GetShardsAsync(runId, cancellationToken)).Select(s => s.SuperiorId).ToHashSet(StringComparer.Ordinal);
            first &= round > 0 || existing.Count == 0;
            try
            {
                // One partition: batches of at most 100 (the service's limit, which Azurite does not enforce).
                foreach (var chunk in superiorIds.Where(id => !existing.Contains(id)).Chunk(100))
                {
                    await table.SubmitTransactionAsync(
                        chunk.Select(id => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(new ShardState(runId, id, ShardStatus.Pending)))),
                        cancellationToken);
                }

                break;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && round < 3)
            {
            }
        }

        // Counters only for a run whose shards this start recorded from nothing: none is done yet, so all are pending.
        // A later start (a resume) finds shards and leaves the counters, or their absence, as they are.
        if (first)
        {
            await AddPendingCountersAsync(table, runId, superiorIds, cancellationToken);
        }
    }

    private static async Task AddPendingCountersAsync(TableClient table, string runId, IReadOnlyCollection<string> superiorIds, CancellationToken cancellationToken)
    {
        var counts = new int[PendingCounters];
        foreach (var id in superiorIds.Distinct(StringComparer.Ordinal))
        {
            counts[CounterOf(id)]++;
        }

        try
        {
            await table.SubmitTransactionAsync(
                counts.Select((count, k) => new TableTransactionAction(TableTransactionActionType.Add,
                    new TableEntity(runId, CounterKey(k)) { ["Remaining"] = count })),
                cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // The other start of the same moment added them, with the same counts.
        }
    }

    public async Task<IReadOnlyList<ShardState>> GetShardsAsync(string runId, CancellationToken cancellationToken)
    {
        var table = await tables.RunsAsync();
        var shards = new List<ShardState>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {runId} and RowKey ge {ShardPrefix} and RowKey lt {"shard}"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            shards.Add(ToShard(entity));
        }

        return shards;
    }

    public async Task<ShardState?> GetShardAsync(string runId, string superiorId, CancellationToken cancellationToken)
    {
        var table = await tables.RunsAsync();
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(runId, ShardPrefix + superiorId, cancellationToken: cancellationToken);
        return entity.HasValue ? ToShard(entity.Value!) : null;
    }

    /// <summary>Sets the shard's state as given (a resume puts a failed shard back to pending), its counter with it.</summary>
    public async Task SetShardAsync(ShardState shard, CancellationToken cancellationToken) =>
        await WriteShardAsync(shard, always: true, written: null, cancellationToken);

    public Task<ShardMove> MoveShardAsync(ShardState shard, CancellationToken cancellationToken) =>
        WriteShardAsync(shard, always: false, written: null, cancellationToken);

    public Task<ShardMove> MoveShardAfterAsync(ShardState shard, Task written, CancellationToken cancellationToken) =>
        WriteShardAsync(shard, always: false, written, cancellationToken);

    private async Task<ShardMove> WriteShardAsync(ShardState shard, bool always, Task? written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var table = await tables.RunsAsync();
        while (true)
        {
            // The shard's row and its counter, read together: the counter is needed whenever the shard leaves Pending.
            var counterRead = table.GetEntityIfExistsAsync<TableEntity>(shard.RunId, CounterKey(CounterOf(shard.SuperiorId)), cancellationToken: cancellationToken);
            var currentRead = table.GetEntityIfExistsAsync<TableEntity>(shard.RunId, ShardPrefix + shard.SuperiorId, cancellationToken: cancellationToken);
            if (written is not null)
            {
                // The reads went out first; nothing is written before what the mark stands for is (a failure throws here).
                await written;
                written = null;
            }

            var current = await currentRead;
            var counter = await counterRead is { HasValue: true } found ? found.Value : null;
            var stored = current.HasValue ? ToShard(current.Value!) : null;
            if (!always && stored is not null && stored.Status == shard.Status && stored.Cells == shard.Cells)
            {
                // A repeat: the completion it may have missed (a crash after the move) is still due.
                return new ShardMove(false, true);
            }

            var delta = (shard.Status == ShardStatus.Pending ? 1 : 0) - (stored?.Status == ShardStatus.Pending ? 1 : 0);
            var write = stored is null
                ? new TableTransactionAction(TableTransactionActionType.Add, ToEntity(shard))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(shard), current.Value!.ETag);
            try
            {
                var remaining = (counter?.GetInt32("Remaining") ?? 0) + delta;
                if (delta == 0 || counter is null)
                {
                    await table.SubmitTransactionAsync([write], cancellationToken);
                }
                else
                {
                    counter["Remaining"] = remaining;
                    await table.SubmitTransactionAsync([write, new TableTransactionAction(TableTransactionActionType.UpdateMerge, counter, counter.ETag)], cancellationToken);
                }

                // Only a counter seen above zero proves a shard pending; without one (or unchanged) the caller must ask.
                return new ShardMove(stored is null || stored.Status != shard.Status, delta == 0 || counter is null || remaining <= 0);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer (another copy of this shard, or a shard sharing its counter; or this write, its answer
                // lost) came first: read again and decide again. The transaction wrote nothing.
            }
        }
    }

    public async Task<bool> HasPendingShardsAsync(string runId, CancellationToken cancellationToken)
    {
        var table = await tables.RunsAsync();
        var counters = TableClient.CreateQueryFilter($"PartitionKey eq {runId} and RowKey ge {PendingPrefix} and RowKey lt {"pending}"}");
        var remaining = new List<int>();
        await foreach (var counter in table.QueryAsync<TableEntity>(counters, maxPerPage: PendingCounters, cancellationToken: cancellationToken))
        {
            remaining.Add(counter.GetInt32("Remaining") ?? 0);
        }

        if (remaining.Count > 0)
        {
            return remaining.Sum() > 0;
        }

        // A run without counters: the filtered scan, which stops at the first pending shard.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {runId} and RowKey ge {ShardPrefix} and RowKey lt {"shard}"} and Status eq {nameof(ShardStatus.Pending)}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            if (page.Values.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    public async Task<StoredRun?> TryClaimCompletionAsync(StoredRun run, CompletionClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await tables.RunsAsync();
        var claimed = run.Run with { Claim = claim };
        try
        {
            var response = await table.UpdateEntityAsync(ToEntity(claimed), new ETag(run.ETag), TableUpdateMode.Replace, cancellationToken);
            return new StoredRun(claimed, response.Headers.ETag?.ToString() ?? string.Empty);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return null;
        }
    }

    public async Task<bool> TryCompleteAsync(StoredRun run, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await tables.RunsAsync();
        try
        {
            await table.UpdateEntityAsync(ToEntity(run.Run with { CompletedAt = at }), new ETag(run.ETag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>The counter a shard belongs to: a stable hash of its id (not string.GetHashCode, which changes per process).</summary>
    private static int CounterOf(string superiorId)
    {
        var hash = 0u;
        foreach (var c in superiorId)
        {
            hash = unchecked((hash * 31) + c);
        }

        return (int)(hash % PendingCounters);
    }

    private static string CounterKey(int counter) => PendingPrefix + counter.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(ClassificationRun run) => new(run.RunId, RunKey)
    {
        ["Year"] = run.Year,
        ["ThroughMonth"] = run.ThroughMonth,
        ["PackId"] = run.PackId,
        ["Shards"] = run.Shards,
        ["StartedAt"] = run.StartedAt,
        ["CompletedAt"] = run.CompletedAt,
        ["CompletionClaimedBy"] = run.Claim?.By,
        ["CompletionClaimedAt"] = run.Claim?.At,
    };

    private static StoredRun ToRun(TableEntity e) => new(
        new ClassificationRun(
            e.PartitionKey, e.GetInt32("Year") ?? 0, e.GetInt32("ThroughMonth") ?? 12, e.GetString("PackId"), e.GetInt32("Shards") ?? 0,
            e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue, e.GetDateTimeOffset("CompletedAt"),
            e.GetString("CompletionClaimedBy") is { } by && e.GetDateTimeOffset("CompletionClaimedAt") is { } at ? new CompletionClaim(by, at) : null),
        e.ETag.ToString());

    private static TableEntity ToEntity(ShardState shard) => new(shard.RunId, ShardPrefix + shard.SuperiorId)
    {
        ["Status"] = shard.Status.ToString(),
        ["Cells"] = shard.Cells,
        ["At"] = shard.At,
        ["Error"] = shard.Error is { Length: > 1000 } error ? error[..1000] : shard.Error,
    };

    private static ShardState ToShard(TableEntity e) => new(
        e.PartitionKey, e.RowKey[ShardPrefix.Length..],
        Enum.Parse<ShardStatus>(e.GetString("Status") ?? nameof(ShardStatus.Pending), ignoreCase: false),
        e.GetInt32("Cells") ?? 0, e.GetDateTimeOffset("At"), e.GetString("Error"));
}
