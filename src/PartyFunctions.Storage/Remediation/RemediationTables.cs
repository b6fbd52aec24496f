using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PartyFunctions.Configuration;
using PartyFunctions.Storage.Alerts;

namespace PartyFunctions.Storage.Remediation;

/// <summary>
/// The plans table and the evidence container, created on first use. They take the alerts' name prefix
/// (<see cref="AlertTables.PrefixSetting"/>; lower case for the container): a plan answers an alert and lives beside it.
/// </summary>
public sealed class RemediationTables(StorageClients clients, string? prefix)
{
    private readonly CreatedOnFirstUse<TableClient> plans = new(async () =>
    {
        var table = clients.Tables.GetTableClient((prefix ?? string.Empty) + StorageNames.RemediationPlansTable);
        await table.CreateIfNotExistsAsync();
        return table;
    });

    private readonly CreatedOnFirstUse<BlobContainerClient> evidence = new(async () =>
    {
        var container = clients.Blobs.GetBlobContainerClient((prefix ?? string.Empty).ToLowerInvariant() + StorageNames.EvidenceContainer);
        await container.CreateIfNotExistsAsync();
        return container;
    });

    public Task<TableClient> PlansAsync() => plans.Value;

    public Task<BlobContainerClient> EvidenceAsync() => evidence.Value;
}
