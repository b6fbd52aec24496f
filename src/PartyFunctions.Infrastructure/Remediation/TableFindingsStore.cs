using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PartyFunctions.Remediation;

namespace PartyFunctions.Infrastructure.Remediation;

/// <summary>
/// Findings in the plans table: PK = unit id, RK = <c>findings:{year}</c>, the whole record as the JSON column
/// <c>Findings</c>, with <c>Year</c> and <c>Kind</c> = <c>findings</c> for a tracker's year query.
/// </summary>
public sealed class TableFindingsStore(RemediationTables tables) : IFindingsStore
{
    public const string FindingsKind = "findings";

    public async Task<StoredFindings?> GetAsync(string unitId, int year, CancellationToken cancellationToken)
    {
        var table = await tables.PlansAsync();
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(unitId, RowKey(year), cancellationToken: cancellationToken);
        return entity.HasValue ? new StoredFindings(Read(entity.Value!), entity.Value!.ETag.ToString()) : null;
    }

    public async Task<bool> TryAddAsync(UnitFindings findings, CancellationToken cancellationToken)
    {
        var table = await tables.PlansAsync();
        try
        {
            await table.AddEntityAsync(ToEntity(findings), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryReplaceAsync(UnitFindings findings, string etag, CancellationToken cancellationToken)
    {
        var table = await tables.PlansAsync();
        try
        {
            await table.UpdateEntityAsync(ToEntity(findings), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<UnitFindings>> GetOfYearAsync(int year, CancellationToken cancellationToken)
    {
        var table = await tables.PlansAsync();
        var result = new List<UnitFindings>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"Year eq {year} and Kind eq {FindingsKind}"), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            result.Add(Read(entity));
        }

        return result;
    }

    // Not "findings|{year}": that is the row key of the unit's plan answering the findings alert ({rule}|{period}).
    private static string RowKey(int year) => string.Create(CultureInfo.InvariantCulture, $"findings:{year}");

    private static UnitFindings Read(TableEntity entity) => JsonSerializer.Deserialize<UnitFindings>(entity.GetString("Findings"), PlanSize.Json)!;

    private static TableEntity ToEntity(UnitFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return new TableEntity(findings.UnitId, RowKey(findings.Year))
        {
            ["Findings"] = JsonSerializer.Serialize(findings, PlanSize.Json),
            ["Year"] = findings.Year,
            ["Kind"] = FindingsKind,
        };
    }
}
