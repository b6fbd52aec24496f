using Azure;
using Azure.Data.Tables;
using PartyFunctions.Configuration;
using PartyFunctions.Heartbeat;

namespace PartyFunctions.Infrastructure.Heartbeat;

/// <summary>
/// The <c>Heartbeats</c> table: PK <c>timer</c> (one partition, read in one query), RK = the timer function's name;
/// <c>LastSuccessAt</c>, <c>FirstSeenAt</c>.
/// </summary>
public sealed class TableHeartbeatStore(StorageNamespace storage) : IHeartbeatStore
{
    private const string Partition = "timer";

    public async Task<IReadOnlyList<HeartbeatRecord>> GetAllAsync(CancellationToken cancellationToken)
    {
        var client = await TableAsync(cancellationToken);
        var records = new List<HeartbeatRecord>();
        await foreach (var entity in client.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            records.Add(new HeartbeatRecord(entity.RowKey, entity.GetDateTimeOffset("LastSuccessAt"), entity.GetDateTimeOffset("FirstSeenAt")));
        }

        return records;
    }

    public async Task RecordSuccessAsync(string timer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var client = await TableAsync(cancellationToken);
        // A merge keeps FirstSeenAt for the record; two overlapping runs both write about the same time.
        await client.UpsertEntityAsync(new TableEntity(Partition, timer) { ["LastSuccessAt"] = at }, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task NoteFirstSeenAsync(string timer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var client = await TableAsync(cancellationToken);
        try
        {
            await client.AddEntityAsync(new TableEntity(Partition, timer) { ["FirstSeenAt"] = at }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The timer ran, or another check noticed it first: that row stands.
        }
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => storage.TableAsync(StorageNames.HeartbeatsTable, cancellationToken);
}
