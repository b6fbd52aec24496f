using Azure;
using Azure.Data.Tables;
using PartyFunctions.Organisation;

namespace PartyFunctions.Infrastructure.Organisation;

/// <summary>
/// The registry on Table Storage (docs/storage-schema.md): <c>Units</c> for point reads by id, <c>UnitTree</c> keyed
/// by materialised path for children, subtree and superiors, each one query in one partition, and a copy of each unit
/// in its <c>AccessCodes</c> partition, so that sign-in reads code, attempts and unit in one query.
/// </summary>
public sealed class TableUnitStore(OrganisationTables tables) : IUnitStore
{
    private const int WriteParallelism = 16;

    public async Task<Unit?> GetAsync(string id, CancellationToken cancellationToken)
    {
        // An id that could never be stored is not looked up: it might not even be a valid table key.
        if (!UnitPath.IsValidId(id))
        {
            return null;
        }

        var table = await tables.UnitsAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(UnitEntities.IdPartition(id), id, cancellationToken: cancellationToken);
        return entity.HasValue ? UnitEntities.Read(entity.Value!) : null;
    }

    public async Task<IReadOnlyList<Unit>> GetSubtreeAsync(string id, CancellationToken cancellationToken) =>
        await GetAsync(id, cancellationToken) is { Path: { } path }
            ? await QueryTreeAsync(path, SubtreeFilter(path), cancellationToken)
            : [];

    public async Task<IReadOnlyList<Unit>> GetSubtreeAtAsync(string id, string path, CancellationToken cancellationToken)
    {
        // The path came with a queued message: if the unit moved since, it no longer heads that range; read it again.
        var subtree = await QueryTreeAsync(path, SubtreeFilter(path), cancellationToken);
        return subtree.Any(u => u.Id == id && u.Path == path) ? subtree : await GetSubtreeAsync(id, cancellationToken);
    }

    public async Task<IReadOnlyList<Unit>> GetChildrenAsync(string id, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken) is not { Path: { } path } unit)
        {
            return [];
        }

        var children = await QueryTreeAsync(path, $"{SubtreeFilter(path)} and {TableClient.CreateQueryFilter($"Depth eq {unit.Depth + 1}")}", cancellationToken);
        return children.OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<Unit>> GetSuperiorsAsync(string id, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken) is not { Path: { } path, Depth: > 0 } unit)
        {
            return [];
        }

        // The superiors' paths are the prefixes of this unit's path: one query for all of them.
        var ids = UnitPath.Split(path);
        var filter = string.Join(" or ", Enumerable.Range(1, ids.Length - 1)
            .Select(n => TableClient.CreateQueryFilter($"RowKey eq {UnitPath.Join(ids.Take(n))}")));
        var superiors = await QueryTreeAsync(path, $"({filter})", cancellationToken);
        return superiors.OrderByDescending(u => u.Depth).ToList();
    }

    public async Task<IReadOnlyList<Unit>> GetAllAsync(CancellationToken cancellationToken)
    {
        var table = await tables.UnitsAsync(cancellationToken);
        var units = new List<Unit>();
        await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            units.Add(UnitEntities.Read(entity));
        }

        return units;
    }

    public async Task SaveAsync(IReadOnlyCollection<UnitChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Order makes a failed save safe to repeat: the tree gets the new keys, then loses the old ones, the by-id table
        // (which the next import compares against) changes, and the sign-in copies last: a copy left stale by a failure
        // is found by the next import's scan of the copies. Units before copies also closes the race with a code issued
        // meanwhile: the issue writes its copy, then reads the unit again (TableAccessCodeStore), so whichever of the
        // two writes last writes the newer unit.
        var tree = await tables.UnitTreeAsync(cancellationToken);
        await TableBatches.SubmitAsync(tree,
            changes.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, UnitEntities.ByPath(c.After))),
            cancellationToken);
        var moved = changes.Where(c => c.Before?.Path is { } old && old != c.After.Path).Select(c => c.Before!).ToList();
        await Parallel.ForEachAsync(moved, Parallelism(cancellationToken), async (unit, ct) =>
        {
            try
            {
                await tree.DeleteEntityAsync(UnitEntities.TreePartition(unit.Path!), unit.Path!, ETag.All, ct);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Already gone: an earlier, interrupted save got this far.
            }
        });
        var byId = await tables.UnitsAsync(cancellationToken);
        await TableBatches.SubmitAsync(byId,
            changes.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, UnitEntities.ById(c.After))),
            cancellationToken);
        // Only a unit with a code needs a copy, and a unit this save creates has none yet: its code's issue writes the
        // copy beside the code. A unit stored before may have one: its copy follows it (one partition each, single
        // writes), and so does a unit that stops being a cell, so that it cannot sign in on an old copy.
        var codes = await tables.AccessCodesAsync(cancellationToken);
        await Parallel.ForEachAsync(changes.Where(c => c.Before is not null), Parallelism(cancellationToken), async (change, ct) =>
            await codes.UpsertEntityAsync(UnitEntities.SignInCopy(change.After), TableUpdateMode.Replace, ct));
    }

    public async Task<IReadOnlySet<string>> FindStaleCopiesAsync(IReadOnlyCollection<Unit> stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var codes = await tables.AccessCodesAsync(cancellationToken);
        var copies = new Dictionary<string, Unit>(StringComparer.Ordinal);
        var coded = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in codes.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey eq {UnitEntities.SignInCopyRow} or RowKey eq {Access.TableAccessCodeStore.CodeRow}"), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (entity.RowKey == UnitEntities.SignInCopyRow)
            {
                copies[entity.PartitionKey] = UnitEntities.Read(entity);
            }
            else
            {
                coded.Add(entity.PartitionKey);
            }
        }

        // A copy that differs is stale; a missing one only matters for a unit with a code (it signs in slower without).
        return stored.Where(u => copies.TryGetValue(u.Id, out var copy) ? copy != u : coded.Contains(u.Id))
            .Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
    }

    private static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = WriteParallelism, CancellationToken = cancellationToken };

    /// <summary>The unit at <paramref name="path"/> and everything under it: its own key plus the key range of its descendants.</summary>
    private static string SubtreeFilter(string path) => TableClient.CreateQueryFilter(
        $"(RowKey eq {path} or (RowKey ge {path + UnitPath.Separator} and RowKey lt {path + UnitPath.AfterSeparator}))");

    private async Task<IReadOnlyList<Unit>> QueryTreeAsync(string path, string filter, CancellationToken cancellationToken)
    {
        var table = await tables.UnitTreeAsync(cancellationToken);
        var partition = TableClient.CreateQueryFilter($"PartitionKey eq {UnitEntities.TreePartition(path)}");
        var units = new List<Unit>();
        await foreach (var entity in table.QueryAsync<TableEntity>($"{partition} and {filter}", cancellationToken: cancellationToken))
        {
            units.Add(UnitEntities.Read(entity));
        }

        return units;
    }
}
