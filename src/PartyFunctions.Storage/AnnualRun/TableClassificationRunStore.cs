using Azure;
using Azure.Data.Tables;
using PartyFunctions.AnnualRun;

namespace PartyFunctions.Storage.AnnualRun;

/// <summary>
/// Runs and their shards in one table: PK = run id; RK <c>run</c> for the run, <c>shard|{superiorId}</c> for each shard,
/// so a run's status is one partition scan and "is any shard pending" is one filtered query that stops at the first.
/// </summary>
public sealed class TableClassificationRunStore(AnnualRunTables tables) : IClassificationRunStore
{
    private const string RunKey = "run";
    private const string ShardPrefix = "shard|";

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
        for (var round = 0; ; round++)
        {
            var existing = (await GetShardsAsync(runId, cancellationToken)).Select(s => s.SuperiorId).ToHashSet(StringComparer.Ordinal);
            try
            {
                // One partition: batches of at most 100 (the service's limit, which Azurite does not enforce).
                foreach (var chunk in superiorIds.Where(id => !existing.Contains(id)).Chunk(100))
                {
                    await table.SubmitTransactionAsync(
                        chunk.Select(id => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(new ShardState(runId, id, ShardStatus.Pending)))),
                        cancellationToken);
                }

                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && round < 3)
            {
            }
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

    public async Task SetShardAsync(ShardState shard, CancellationToken cancellationToken)
    {
        var table = await tables.RunsAsync();
        await table.UpsertEntityAsync(ToEntity(shard), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> MoveShardAsync(ShardState shard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var table = await tables.RunsAsync();
        while (true)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(shard.RunId, ShardPrefix + shard.SuperiorId, cancellationToken: cancellationToken);
            try
            {
                if (!current.HasValue)
                {
                    await table.AddEntityAsync(ToEntity(shard), cancellationToken);
                    return true;
                }

                var stored = ToShard(current.Value!);
                if (stored.Status == shard.Status && stored.Cells == shard.Cells)
                {
                    return false;
                }

                await table.UpdateEntityAsync(ToEntity(shard), current.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return stored.Status != shard.Status;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer (or this write, its answer lost) came first: read again and decide again.
            }
        }
    }

    public async Task<bool> HasPendingShardsAsync(string runId, CancellationToken cancellationToken)
    {
        var table = await tables.RunsAsync();
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

    private static TableEntity ToEntity(ClassificationRun run) => new(run.RunId, RunKey)
    {
        ["Year"] = run.Year,
        ["ThroughMonth"] = run.ThroughMonth,
        ["PackId"] = run.PackId,
        ["Shards"] = run.Shards,
        ["StartedAt"] = run.StartedAt,
        ["CompletedAt"] = run.CompletedAt,
    };

    private static StoredRun ToRun(TableEntity e) => new(
        new ClassificationRun(
            e.PartitionKey, e.GetInt32("Year") ?? 0, e.GetInt32("ThroughMonth") ?? 12, e.GetString("PackId"), e.GetInt32("Shards") ?? 0,
            e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue, e.GetDateTimeOffset("CompletedAt")),
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
