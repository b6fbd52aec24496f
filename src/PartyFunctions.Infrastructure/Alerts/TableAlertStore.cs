using Azure;
using Azure.Data.Tables;
using PartyFunctions.Alerts;
using PartyFunctions.Concurrency;
using PartyFunctions.Infrastructure.Organisation;

namespace PartyFunctions.Infrastructure.Alerts;

/// <summary>
/// Alerts in the <c>Alerts</c> table, under ETags, with the <c>AlertIndex</c> rows derived from each write. The alert
/// is the truth and is written first; an index row is rewritten (or deleted) by the next write of its alert, so an
/// interrupted write leaves at worst a stale index row that the next change of the alert repairs.
/// </summary>
public sealed class TableAlertStore(AlertTables tables) : IAlertStore
{
    public async Task<StoredAlert?> GetAsync(AlertKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await tables.AlertsAsync();
        var found = await table.GetEntityIfExistsAsync<TableEntity>(key.UnitId, AlertEntities.Row(key), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? new StoredAlert(AlertEntities.Read(entity), entity.ETag.ToString()) : null;
    }

    public async Task<IReadOnlyList<StoredAlert>> GetOfUnitAsync(string unitId, CancellationToken cancellationToken) =>
        await QueryAsync(await tables.AlertsAsync(), TableClient.CreateQueryFilter($"PartitionKey eq {unitId}"), cancellationToken);

    public async Task<StoredAlert?> TryAddAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (await InsertAsync(alert, cancellationToken) is { } added)
        {
            await IndexAsync(alert, cancellationToken);
            return added;
        }

        return null;
    }

    /// <summary>
    /// Each alert is its own insert (its own partition); the index rows of all those added then go in entity group
    /// transactions, one per partition and hundred rows: the active rows share one partition and a recipient's rows
    /// another, so a run opening 178 alerts writes their index in about as many batches as it has recipients, not in
    /// 356 requests. Until the batches land the alerts are stored and unindexed, as after a fault in <see cref="TryAddAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<StoredAlert?>> TryAddAllAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        var added = await SideBySide.SelectAsync(alerts, InsertAsync, cancellationToken);
        var rows = added.OfType<StoredAlert>()
            .SelectMany(a => a.Alert.Alerted.Select(step => AlertEntities.Recipient(a.Alert, step.Email!)).Prepend(AlertEntities.Active(a.Alert)))
            .DistinctBy(row => (row.PartitionKey, row.RowKey))
            .Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
        await TableBatches.SubmitAsync(await tables.IndexAsync(), rows, cancellationToken);
        return added;
    }

    // The insert alone; null when the key exists. A fault between an alert's last write and its index rows (a crash, a
    // storage timeout) leaves the index behind; the repeated run that meets the alert here rewrites it (idempotent).
    private async Task<StoredAlert?> InsertAsync(Alert alert, CancellationToken cancellationToken)
    {
        var table = await tables.AlertsAsync();
        Response added;
        try
        {
            added = await table.AddEntityAsync(AlertEntities.Write(alert), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            if (await GetAsync(alert.Key, cancellationToken) is { } existing)
            {
                await IndexAsync(existing.Alert, cancellationToken);
            }

            return null;
        }

        // The insert's answer carries the new ETag: no read needed to change the alert next.
        return new StoredAlert(alert, added.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The insert answered without an ETag."));
    }

    public async Task<AlertWrite> TryReplaceAsync(Alert alert, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var table = await tables.AlertsAsync();
        var outcome = AlertWrite.Written;
        try
        {
            await table.UpdateEntityAsync(AlertEntities.Write(alert), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Either another writer came first, or this very write landed and its answer was lost, so the SDK's retry
            // met the new ETag: then the stored alert is the one written, and it still needs its index rows.
            var stored = ex.Status == 412 ? await table.GetEntityIfExistsAsync<TableEntity>(alert.Key.UnitId, AlertEntities.Row(alert.Key), cancellationToken: cancellationToken) : null;
            if (stored is not { HasValue: true, Value: { } entity } || entity.GetString("Alert") != Json(alert))
            {
                return AlertWrite.Conflict;
            }

            outcome = AlertWrite.Stored;
        }

        await IndexAsync(alert, cancellationToken);
        return outcome;
    }

    public async Task<IReadOnlyList<StoredAlert>> GetActiveAsync(CancellationToken cancellationToken)
    {
        // The index row carries the alert, but its ETag is the index row's: the alert's own is needed to change it.
        var alerts = tables.AlertsAsync();
        var active = await QueryAsync(await tables.IndexAsync(), TableClient.CreateQueryFilter($"PartitionKey eq {AlertEntities.ActivePartition}"), cancellationToken);
        var indexed = active.ToDictionary(a => a.Alert.Key, a => Json(a.Alert));
        // Each unit's alerts are one partition: read side by side, in the index's order of units.
        var units = indexed.Keys.Select(k => k.UnitId).Distinct(StringComparer.Ordinal).ToList();
        var ofUnits = await SideBySide.SelectAsync(units, async (unit, ct) =>
        {
            var ofUnit = await QueryAsync(await alerts, TableClient.CreateQueryFilter($"PartitionKey eq {unit}"), ct);
            // A fault between an alert's write and its index rows leaves the index behind; the daily read repairs it.
            foreach (var stale in ofUnit.Where(a => indexed.TryGetValue(a.Alert.Key, out var json) && json != Json(a.Alert)))
            {
                await IndexAsync(stale.Alert, ct);
            }

            return ofUnit.Where(a => a.Alert.IsActive);
        }, cancellationToken);

        return [.. ofUnits.SelectMany(a => a)];
    }

    public async Task<IReadOnlyList<Alert>> GetActiveSnapshotAsync(CancellationToken cancellationToken) =>
        (await QueryAsync(await tables.IndexAsync(), TableClient.CreateQueryFilter($"PartitionKey eq {AlertEntities.ActivePartition}"), cancellationToken))
            .Select(a => a.Alert).ToList();

    public async Task<IReadOnlyList<AlertKey>> GetOpenForRecipientAsync(string email, CancellationToken cancellationToken)
    {
        var index = await tables.IndexAsync();
        var keys = new List<AlertKey>();
        await foreach (var row in index.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {AlertEntities.RecipientPartition(email)}"), cancellationToken: cancellationToken))
        {
            keys.Add(new AlertKey(row.GetString("Rule"), row.GetString("UnitId"), row.GetString("Period")));
        }

        return keys;
    }

    private static string? Json(Alert alert) => AlertEntities.Write(alert).GetString("Alert");

    private async Task IndexAsync(Alert alert, CancellationToken cancellationToken)
    {
        var index = await tables.IndexAsync();
        // The rows are in different partitions (no batch), and independent: written side by side, one wait.
        var writes = new List<Task>
        {
            alert.IsActive
                ? index.UpsertEntityAsync(AlertEntities.Active(alert), TableUpdateMode.Replace, cancellationToken)
                : index.DeleteEntityAsync(AlertEntities.ActivePartition, AlertEntities.IndexRow(alert.Key), ETag.All, cancellationToken),
        };
        foreach (var step in alert.Alerted)
        {
            var row = AlertEntities.Recipient(alert, step.Email!);
            writes.Add(alert.IsOpen
                ? index.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken)
                : index.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken));
        }

        await Task.WhenAll(writes);
    }

    private static async Task<IReadOnlyList<StoredAlert>> QueryAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var alerts = new List<StoredAlert>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            alerts.Add(new StoredAlert(AlertEntities.Read(entity), entity.ETag.ToString()));
        }

        return alerts;
    }
}
