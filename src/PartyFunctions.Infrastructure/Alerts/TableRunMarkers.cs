using Azure;
using Azure.Data.Tables;
using PartyFunctions.Alerts;

namespace PartyFunctions.Infrastructure.Alerts;

/// <summary>Run markers in the <c>Runs</c> table: PK = job, RK = period, day or receipt id; <c>Summary</c> and <c>At</c> for operators.</summary>
public sealed class TableRunMarkers(AlertTables tables, TimeProvider clock) : IRunMarkers
{
    public async Task<bool> IsDoneAsync(string job, string key, CancellationToken cancellationToken)
    {
        var table = await tables.RunsAsync();
        return (await table.GetEntityIfExistsAsync<TableEntity>(job, key, ["PartitionKey"], cancellationToken)).HasValue;
    }

    public async Task MarkDoneAsync(string job, string key, string summary, CancellationToken cancellationToken)
    {
        var table = await tables.RunsAsync();
        try
        {
            await table.AddEntityAsync(new TableEntity(job, key) { ["Summary"] = summary, ["At"] = clock.GetUtcNow() }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Two overlapping runs both finished: the first marker stands.
        }
    }
}
