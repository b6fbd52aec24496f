using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PartyFunctions.Configuration;

namespace PartyFunctions.Infrastructure.Organisation;

/// <summary>The tables and container of the registry and access codes.</summary>
public sealed class OrganisationTables(StorageNamespace storage)
{
    /// <summary>One entity per unit, keyed by id: PK = a hash partition of the id, RK = id.</summary>
    public Task<TableClient> UnitsAsync(CancellationToken cancellationToken) => storage.TableAsync(StorageNames.UnitsTable, cancellationToken);

    /// <summary>The same units keyed by place: PK = the top unit's id, RK = the materialised path.</summary>
    public Task<TableClient> UnitTreeAsync(CancellationToken cancellationToken) => storage.TableAsync(StorageNames.UnitTreeTable, cancellationToken);

    /// <summary>Per unit: RK "code" (the code's hash), RK "attempts" (recent wrong codes) and RK "unit" (the sign-in copy).</summary>
    public Task<TableClient> AccessCodesAsync(CancellationToken cancellationToken) => storage.TableAsync(StorageNames.AccessCodesTable, cancellationToken);

    /// <summary>Every import file as received.</summary>
    public Task<BlobContainerClient> ImportsAsync() => storage.ContainerAsync(StorageNames.ImportsContainer);
}
