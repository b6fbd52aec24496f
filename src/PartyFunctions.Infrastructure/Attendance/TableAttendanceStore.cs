using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PartyFunctions.Attendance;
using PartyFunctions.Submissions;

namespace PartyFunctions.Infrastructure.Attendance;

/// <summary>
/// Attendance records (docs/storage-schema.md): PK = unit id, RK = <c>{yyyy-MM}|{author key}</c>, the author key a
/// SHA-256 prefix of the author (an address stays out of keys). The whole record is the JSON column <c>Record</c>; the
/// other columns are for people reading the table. First versions are inserts, amendments replaces under If-Match.
/// Each record has a copy under its unit's superior, PK = <c>{superiorId}|{yyyy}</c> (no unit id holds '|'), RK =
/// <c>{unitId}|{MM}|{author key}</c>: a committee's year of attendance is one partition.
/// </summary>
public sealed class TableAttendanceStore(AttendanceTables tables) : IAttendanceStore
{
    // Letters as they are: escaped Vietnamese would take six characters a letter of the property's 64 KiB.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<StoredAttendance?> GetAsync(string unitId, ScorePeriod period, string author, CancellationToken cancellationToken)
    {
        var table = await tables.RecordsAsync();
        var found = await table.GetEntityIfExistsAsync<TableEntity>(unitId, RowKey(period, author), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? new StoredAttendance(Read(entity), entity.ETag.ToString()) : null;
    }

    // '|' + 1 is '}': the month's rows are exactly the keys from "yyyy-MM|" up to "yyyy-MM}".
    public Task<IReadOnlyList<AttendanceRecord>> GetMonthAsync(string unitId, ScorePeriod period, CancellationToken cancellationToken) =>
        RangeAsync(unitId, period + "|", period + "}", cancellationToken);

    // '-' + 1 is '.': the year's rows are exactly the keys from "yyyy-" up to "yyyy.".
    public Task<IReadOnlyList<AttendanceRecord>> GetYearAsync(string unitId, int year, CancellationToken cancellationToken) =>
        RangeAsync(unitId, Year(year) + "-", Year(year) + ".", cancellationToken);

    public async Task<IReadOnlyList<AttendanceRecord>> GetOfSuperiorYearAsync(string superiorId, int year, CancellationToken cancellationToken)
    {
        var table = await tables.RecordsAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SuperiorPartition(superiorId, year)}");
        var records = new List<AttendanceRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            records.Add(Read(entity));
        }

        return records;
    }

    public async Task IndexAsync(AttendanceRecord record, string superiorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.RecordsAsync();
        var copy = Write(record);
        copy.PartitionKey = SuperiorPartition(superiorId, record.Period.Year);
        copy.RowKey = $"{record.UnitId}|{record.Period.Month:00}|{AuthorKey(record.Author)}";
        // A few rounds at most: each lost round means another writer stored a copy meanwhile, and a later one ends it.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(copy.PartitionKey, copy.RowKey, cancellationToken: cancellationToken);
            try
            {
                if (!found.HasValue || found.Value is null)
                {
                    await table.AddEntityAsync(copy, cancellationToken);
                }
                else if ((found.Value.GetInt32("Version") ?? 0) < record.Version)
                {
                    await table.UpdateEntityAsync(copy, found.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Someone wrote the copy between the read and the write: read again.
            }
        }
    }

    public async Task<bool> TryAddAsync(AttendanceRecord record, CancellationToken cancellationToken)
    {
        var table = await tables.RecordsAsync();
        try
        {
            await table.AddEntityAsync(Write(record), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryReplaceAsync(AttendanceRecord record, string etag, CancellationToken cancellationToken)
    {
        var table = await tables.RecordsAsync();
        try
        {
            await table.UpdateEntityAsync(Write(record), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<AttendanceRecord>> RangeAsync(string unitId, string from, string to, CancellationToken cancellationToken)
    {
        var table = await tables.RecordsAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {unitId} and RowKey ge {from} and RowKey lt {to}");
        var records = new List<AttendanceRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(Read(entity));
        }

        return records;
    }

    private static string Year(int year) => year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);

    private static string RowKey(ScorePeriod period, string author) => $"{period}|{AuthorKey(author)}";

    private static string AuthorKey(string author) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(author.Trim().ToUpperInvariant())))[..16];

    private static string SuperiorPartition(string superiorId, int year) => $"{superiorId}|{Year(year)}";

    private static AttendanceRecord Read(TableEntity entity) =>
        JsonSerializer.Deserialize<AttendanceRecord>(entity.GetString("Record"), Json)
            ?? throw new InvalidDataException($"Attendance {entity.PartitionKey}/{entity.RowKey} is empty.");

    private static TableEntity Write(AttendanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(record.UnitId, RowKey(record.Period, record.Author))
        {
            ["Record"] = JsonSerializer.Serialize(record, Json),
            ["MeetingDate"] = record.MeetingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["RecordedBy"] = record.RecordedBy,
            ["Version"] = record.Version,
        };
        if (record.Score is { } score)
        {
            entity["ObservedTotal"] = (double)score.Total;
            entity["ObservedBand"] = Scoring.BandCodes.Code(score.Band);
        }

        return entity;
    }
}
