using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PartyFunctions.Alerts;
using PartyFunctions.Remediation;

namespace PartyFunctions.Infrastructure.Remediation;

/// <summary>
/// Plans: PK = unit id, RK = <c>{rule}|{period}</c> (the alert's key, so a unit's plans are one partition). The whole
/// plan is the JSON column <c>Plan</c>; <c>State</c> and <c>Items</c> are columns for people reading the table, <c>Year</c>
/// lets a tracker read one year's plans (a filtered scan: plans are the few weak units, not every unit). The unit's
/// findings share the table (<see cref="TableFindingsStore"/>, RK <c>findings:{year}</c>).
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
            ? new StoredPlan(Read(entity.Value!), entity.Value!.ETag.ToString())
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

    public async Task<IReadOnlyList<RemediationPlan>> GetOfYearAsync(int year, CancellationToken cancellationToken)
    {
        var table = await tables.PlansAsync();
        var result = new List<RemediationPlan>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"Year eq {year} and Kind eq {PlanKind}"), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            result.Add(Read(entity));
        }

        return result;
    }

    /// <summary>The <c>Kind</c> column that tells plans from findings in the shared table.</summary>
    public const string PlanKind = "plan";

    private static string RowKey(AlertKey key) => $"{key.Rule}|{key.Period}";

    // The JSON in properties Plan, Plan2, Plan3... of PlanSize.ChunkChars characters each (a property holds 64 KiB).
    private static RemediationPlan Read(TableEntity entity)
    {
        var json = new System.Text.StringBuilder(entity.GetString("Plan"));
        for (var i = 2; entity.GetString(Chunk(i)) is { } more; i++)
        {
            json.Append(more);
        }

        return JsonSerializer.Deserialize<RemediationPlan>(json.ToString(), Json)!;
    }

    private static string Chunk(int i) => i == 1 ? "Plan" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Plan{i}");

    private static TableEntity ToEntity(RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var json = JsonSerializer.Serialize(plan, Json);
        var entity = new TableEntity(plan.Key.UnitId, RowKey(plan.Key))
        {
            ["State"] = plan.State.ToString(),
            ["Items"] = plan.Items.Count,
            ["Year"] = PlanRules.YearOf(plan.Key.Period) ?? 0,
            ["Kind"] = PlanKind,
        };
        for (var i = 0; i * PlanSize.ChunkChars < json.Length; i++)
        {
            entity[Chunk(i + 1)] = json.Substring(i * PlanSize.ChunkChars, Math.Min(PlanSize.ChunkChars, json.Length - (i * PlanSize.ChunkChars)));
        }

        return entity;
    }
}
