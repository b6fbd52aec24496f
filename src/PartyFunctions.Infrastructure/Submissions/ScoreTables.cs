using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PartyFunctions.Configuration;

namespace PartyFunctions.Infrastructure.Submissions;

/// <summary>The scores table and the submissions archive container.</summary>
public sealed class ScoreTables(StorageNamespace storage)
{
    public Task<TableClient> ScoresAsync() => storage.TableAsync(StorageNames.ScoresTable);

    public Task<BlobContainerClient> ArchiveAsync() => storage.ContainerAsync(StorageNames.ArchiveContainer);
}
