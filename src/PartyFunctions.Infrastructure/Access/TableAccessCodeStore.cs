using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PartyFunctions.Access;
using PartyFunctions.Infrastructure.Organisation;

namespace PartyFunctions.Infrastructure.Access;

/// <summary>
/// Code hashes and recent failed attempts in the <c>AccessCodes</c> table, partition = unit id, beside the copy of the
/// unit that <see cref="TableUnitStore"/> writes there. Attempts are written with If-Match on the ETag read (or as an
/// insert when none exist), so concurrent instances cannot lose a failure; a row left with no failures is deleted.
/// </summary>
public sealed class TableAccessCodeStore(OrganisationTables tables) : IAccessCodeStore
{
    /// <summary>The code's row key, beside <see cref="UnitEntities.SignInCopyRow"/> (the import looks for units with a code).</summary>
    internal const string CodeRow = "code";
    private const string AttemptsRow = "attempts";

    public async Task<CellCredentials> GetCredentialsAsync(string unitId, CancellationToken cancellationToken)
    {
        var table = await tables.AccessCodesAsync(cancellationToken);
        var credentials = CellCredentials.None;
        // The three rows live in the unit's partition: one query answers with all of them.
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {unitId}"), cancellationToken: cancellationToken))
        {
            credentials = e.RowKey switch
            {
                CodeRow => credentials with { Code = ReadCode(e) },
                AttemptsRow => WithAttempts(credentials, ReadAttempts(e)),
                UnitEntities.SignInCopyRow => credentials with { Unit = UnitEntities.Read(e) },
                _ => credentials,
            };
        }

        return credentials;
    }

    /// <summary>
    /// Each code with the unit's sign-in copy, in one transaction (one partition): the import writes no copy for a unit
    /// it creates, since only a unit with a code needs one. The unit is read again after the write, and the copy
    /// rewritten while it differs: an import that changed the unit meanwhile writes the by-id table before the copies,
    /// so either it sees this code's copy and rewrites it, or this read sees its unit.
    /// </summary>
    public async Task SaveCodesAsync(IReadOnlyCollection<(string UnitId, AccessCodeHash Hash)> codes, CancellationToken cancellationToken)
    {
        var table = await tables.AccessCodesAsync(cancellationToken);
        var units = await tables.UnitsAsync(cancellationToken);
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(codes, options, async (code, ct) =>
        {
            var entity = new TableEntity(code.UnitId, CodeRow)
            {
                ["Salt"] = code.Hash.Salt,
                ["Hash"] = code.Hash.Hash,
                ["Iterations"] = code.Hash.Iterations,
                ["IssuedAt"] = code.Hash.IssuedAt,
            };
            var unit = await ReadUnitAsync(units, code.UnitId, ct);
            List<TableTransactionAction> writes = [new(TableTransactionActionType.UpsertReplace, entity)];
            while (unit is not null)
            {
                writes.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, UnitEntities.SignInCopy(unit)));
                await table.SubmitTransactionAsync(writes, ct);
                writes.Clear();
                var again = await ReadUnitAsync(units, code.UnitId, ct);
                unit = again == unit ? null : again;
            }

            if (writes.Count > 0)
            {
                // No unit (not in the by-id table yet): the code alone; sign-in falls back to the registry until an import.
                await table.SubmitTransactionAsync(writes, ct);
            }
        });
    }

    private static async Task<PartyFunctions.Organisation.Unit?> ReadUnitAsync(TableClient units, string id, CancellationToken cancellationToken)
    {
        var found = await units.GetEntityIfExistsAsync<TableEntity>(UnitEntities.IdPartition(id), id, cancellationToken: cancellationToken);
        return found.HasValue ? UnitEntities.Read(found.Value!) : null;
    }

    public async Task<(FailedAttempts Attempts, string? Version)> GetAttemptsAsync(string unitId, CancellationToken cancellationToken)
    {
        var table = await tables.AccessCodesAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(unitId, AttemptsRow, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? ReadAttempts(e) : (FailedAttempts.None, null);
    }

    private static CellCredentials WithAttempts(CellCredentials credentials, (FailedAttempts Attempts, string? Version) read) =>
        credentials with { Attempts = read.Attempts, AttemptsVersion = read.Version };

    private static AccessCodeHash ReadCode(TableEntity e) =>
        new(e.GetBinary("Salt"), e.GetBinary("Hash"), e.GetInt32("Iterations") ?? 0, e.GetDateTimeOffset("IssuedAt") ?? default);

    private static (FailedAttempts Attempts, string? Version) ReadAttempts(TableEntity e)
    {
        var failures = (e.GetString("Failures") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(ms => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(ms, CultureInfo.InvariantCulture)))
            .ToList();
        return (new FailedAttempts(failures), e.ETag.ToString());
    }

    public async Task<bool> TrySaveAttemptsAsync(string unitId, FailedAttempts attempts, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var table = await tables.AccessCodesAsync(cancellationToken);
        var entity = new TableEntity(unitId, AttemptsRow)
        {
            ["Failures"] = string.Join(',', attempts.Failures.Select(f => f.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))),
        };
        try
        {
            if (attempts.IsClear && version is not null)
            {
                await table.DeleteEntityAsync(unitId, AttemptsRow, new ETag(version), cancellationToken);
            }
            else if (version is null)
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return false;
        }
    }
}
