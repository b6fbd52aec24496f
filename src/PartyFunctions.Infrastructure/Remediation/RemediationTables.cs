using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PartyFunctions.Configuration;

namespace PartyFunctions.Infrastructure.Remediation;

/// <summary>The plans table and the evidence container.</summary>
public sealed class RemediationTables(StorageNamespace storage)
{
    public Task<TableClient> PlansAsync() => storage.TableAsync(StorageNames.RemediationPlansTable);

    public Task<BlobContainerClient> EvidenceAsync() => storage.ContainerAsync(StorageNames.EvidenceContainer);
}
