using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PartyFunctions.Configuration;
using PartyFunctions.Storage.Submissions;

namespace PartyFunctions.Storage.AnnualRun;

/// <summary>
/// The run table, the results table and the reports container, created on first use. They take the submissions'
/// name prefix (<see cref="ScoreTables.PrefixSetting"/>): results are derived from scores and live beside them.
/// </summary>
public sealed class AnnualRunTables
{
    private readonly CreatedOnFirstUse<TableClient> runs;
    private readonly CreatedOnFirstUse<TableClient> results;
    private readonly CreatedOnFirstUse<BlobContainerClient> reports;

    public AnnualRunTables(StorageClients clients, string? prefix)
    {
        prefix ??= string.Empty;
        runs = new(() => TableAsync(clients, prefix + StorageNames.ClassificationRunsTable));
        results = new(() => TableAsync(clients, prefix + StorageNames.AnnualResultsTable));
        reports = new(async () =>
        {
            var container = clients.Blobs.GetBlobContainerClient(prefix.ToLowerInvariant() + StorageNames.ReportsContainer);
            await container.CreateIfNotExistsAsync();
            return container;
        });
    }

    public Task<TableClient> RunsAsync() => runs.Value;

    public Task<TableClient> ResultsAsync() => results.Value;

    public Task<BlobContainerClient> ReportsAsync() => reports.Value;

    private static async Task<TableClient> TableAsync(StorageClients clients, string name)
    {
        var table = clients.Tables.GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
