using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PartyFunctions.Configuration;

namespace PartyFunctions.Infrastructure.AnnualRun;

/// <summary>The run table, the results table and the reports container.</summary>
public sealed class AnnualRunTables(StorageNamespace storage)
{
    public Task<TableClient> RunsAsync() => storage.TableAsync(StorageNames.ClassificationRunsTable);

    public Task<TableClient> ResultsAsync() => storage.TableAsync(StorageNames.AnnualResultsTable);

    public Task<BlobContainerClient> ReportsAsync() => storage.ContainerAsync(StorageNames.ReportsContainer);
}
