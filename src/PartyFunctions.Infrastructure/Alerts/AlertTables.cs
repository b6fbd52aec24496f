using Azure.Data.Tables;
using PartyFunctions.Configuration;

namespace PartyFunctions.Infrastructure.Alerts;

/// <summary>The alerts, their index and the run markers.</summary>
public sealed class AlertTables(StorageNamespace storage)
{
    public Task<TableClient> AlertsAsync() => storage.TableAsync(StorageNames.AlertsTable);

    public Task<TableClient> IndexAsync() => storage.TableAsync(StorageNames.AlertIndexTable);

    public Task<TableClient> RunsAsync() => storage.TableAsync(StorageNames.RunsTable);
}
