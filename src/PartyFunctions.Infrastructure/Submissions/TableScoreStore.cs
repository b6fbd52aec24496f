using Azure;
using Azure.Data.Tables;
using PartyFunctions.Submissions;

namespace PartyFunctions.Infrastructure.Submissions;

/// <summary>
/// Scores in the <c>Scores</c> table (docs/storage-schema.md). First submissions are inserts (409 when the month has a
/// score), amendments and confirmations are replaces under If-Match (412 when someone else wrote first).
/// </summary>
public sealed class TableScoreStore(ScoreTables tables) : IScoreStore
{
    private const int PageSize = 1000;

    public async Task<StoredScore?> GetAsync(string superiorId, string unitId, ScorePeriod period, CancellationToken cancellationToken)
    {
        var table = await tables.ScoresAsync();
        var found = await table.GetEntityIfExistsAsync<TableEntity>(
            ScoreEntities.Partition(superiorId, period.Year), ScoreEntities.Row(unitId, period.Month), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? Stored(entity) : null;
    }

    public async Task<ScoreWrite> TryAddAsync(ScoreRecord score, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(score);
        var table = await tables.ScoresAsync();
        var entity = ScoreEntities.Write(score);
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken);
            return ScoreWrite.Done(new StoredScore(score, response.Headers.ETag?.ToString() ?? string.Empty));
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return ScoreWrite.Conflict(await GetAsync(score.SuperiorId, score.UnitId, score.Period, cancellationToken));
        }
    }

    public async Task<ScoreWrite> TryReplaceAsync(ScoreRecord score, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(score);
        var table = await tables.ScoresAsync();
        try
        {
            var response = await table.UpdateEntityAsync(ScoreEntities.Write(score), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return ScoreWrite.Done(new StoredScore(score, response.Headers.ETag?.ToString() ?? string.Empty));
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return ScoreWrite.Conflict(await GetAsync(score.SuperiorId, score.UnitId, score.Period, cancellationToken));
        }
    }

    public Task<IReadOnlyList<ScoreRecord>> GetMonthAsync(string superiorId, ScorePeriod period, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter(
            $"PartitionKey eq {ScoreEntities.Partition(superiorId, period.Year)} and Month eq {period.Month}"), cancellationToken);

    public Task<IReadOnlyList<ScoreRecord>> GetYearAsync(string superiorId, int year, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {ScoreEntities.Partition(superiorId, year)}"), cancellationToken);

    public Task<IReadOnlyList<MonthBand>> GetYearBandsAsync(string superiorId, int year, CancellationToken cancellationToken) =>
        GetBandsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {ScoreEntities.Partition(superiorId, year)}"), cancellationToken);

    public async Task<IReadOnlyList<MonthBand>> GetYearBandsAsync(string superiorId, int year, int cells, CancellationToken cancellationToken)
    {
        // Twelve rows a cell: past one page, the pages would come one after the other (each needs the last's
        // continuation); ranges of months, each within a page, come side by side.
        var parts = Math.Clamp((cells * 12 + PageSize - 1) / PageSize, 1, 12);
        if (parts == 1)
        {
            return await GetYearBandsAsync(superiorId, year, cancellationToken);
        }

        var partition = ScoreEntities.Partition(superiorId, year);
        var ranges = Enumerable.Range(0, parts).Select(i => (From: (i * 12 / parts) + 1, To: (i + 1) * 12 / parts));
        var read = await Task.WhenAll(ranges.Select(r => GetBandsAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Month ge {r.From} and Month le {r.To}"), cancellationToken)));
        return [.. read.SelectMany(r => r)];
    }

    private async Task<IReadOnlyList<MonthBand>> GetBandsAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await tables.ScoresAsync();
        var bands = new List<MonthBand>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: PageSize, select: ScoreEntities.BandColumns, cancellationToken: cancellationToken))
        {
            bands.Add(ScoreEntities.ReadBand(e));
        }

        return bands;
    }

    private async Task<IReadOnlyList<ScoreRecord>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await tables.ScoresAsync();
        var scores = new List<ScoreRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: PageSize, cancellationToken: cancellationToken))
        {
            scores.Add(ScoreEntities.Read(entity));
        }

        return scores;
    }

    private static StoredScore Stored(TableEntity entity) => new(ScoreEntities.Read(entity), entity.ETag.ToString());
}
