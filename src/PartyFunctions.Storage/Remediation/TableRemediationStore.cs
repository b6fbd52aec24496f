using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PartyFunctions.Alerts;
using PartyFunctions.Remediation;

namespace PartyFunctions.Storage.Remediation;

/// <summary>
/// Plans: PK = unit id, RK = <c>{rule}|{period}</c> (the alert's key, so a unit's plans are one partition). The whole
/// plan is the JSON column <c>Plan</c>; <c>State</c> and <c>Items</c> are columns for people reading the table.
/// </summary>
public sealed class TableRemediationStore(RemediationTables tables) : IRemediationStore
{
    // Letters as they are (PlanSize): the property's 64 KiB holds the plan the use cases allowed.
    private static readonly JsonSerializerOptions Json = PlanSize.Json;

    public async Task<StoredPlan?> GetAsync(AlertKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await tables.PlansAsync();
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(key.UnitId, RowKey(key), cancellationToken: cancellationToken);
        return entity.HasValue
            ? new StoredPlan(JsonSerializer.Deserialize<RemediationPlan>(entity.Value!.GetString("Plan"), Json)!, entity.Value.ETag.ToString())
            : null;
    }

    public async Task<bool> TryAddAsync(RemediationPlan plan, CancellationToken cancellationToken)
    {
        var table = await tables.PlansAsync();
        try
        {
            await table.AddEntityAsync(ToEntity(plan), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryReplaceAsync(RemediationPlan plan, string etag, CancellationToken cancellationToken)
    {
        var table = await tables.PlansAsync();
        try
        {
            await table.UpdateEntityAsync(ToEntity(plan), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private static string RowKey(AlertKey key) => $"{key.Rule}|{key.Period}";

    private static TableEntity ToEntity(RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new TableEntity(plan.Key.UnitId, RowKey(plan.Key))
        {
            ["Plan"] = JsonSerializer.Serialize(plan, Json),
            ["State"] = plan.State.ToString(),
            ["Items"] = plan.Items.Count,
        };
    }
}
