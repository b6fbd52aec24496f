namespace PartyFunctions.Organisation;

/// <summary>
/// Use case: import the unit registry from a CSV file. All or nothing: the whole file is checked against the
/// stored registry first and any error stops it before the first write. Re-importing the same file writes
/// nothing but the units whose stored copies are missing or stale (repaired); a unit the file lacks is deactivated
/// (its activeTo set to today) only when asked, never deleted.
/// </summary>
public sealed class ImportUnits(IUnitStore store, IImportArchive archive, TimeProvider clock)
{
    /// <summary>A province of 10,000 cells is about 2 MB; anything far larger is not a registry.</summary>
    public const int MaxFileBytes = 20 * 1024 * 1024;

    public async Task<UnitImportReport> RunAsync(ReadOnlyMemory<byte> file, bool deactivateMissing, CancellationToken cancellationToken)
    {
        if (file.Length > MaxFileBytes)
        {
            return new UnitImportReport([new ImportError(0, $"Tệp quá lớn (tối đa {MaxFileBytes / 1024 / 1024} MB) / the file is too large.")]);
        }

        var archivedAs = await archive.StoreAsync("units", file, cancellationToken);
        var (rows, errors) = UnitCsv.Read(file);
        var stored = await store.GetAllAsync(cancellationToken);
        var (hierarchy, hierarchyErrors) = UnitHierarchy.Build(rows, stored, deactivateMissing);
        if (errors.Count > 0 || hierarchy is null)
        {
            var all = errors.Concat(hierarchyErrors).OrderBy(e => e.Line).ToList();
            return new UnitImportReport(all, ArchivedAs: archivedAs);
        }

        if (rows.Count == 0)
        {
            return new UnitImportReport([new ImportError(2, "Tệp không có đơn vị nào / the file holds no units.")], ArchivedAs: archivedAs);
        }

        var before = stored.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var stale = await store.FindStaleCopiesAsync(stored, cancellationToken);
        var inFile = rows.Select(r => r.Unit.Id).ToHashSet(StringComparer.Ordinal);
        var today = VietnamDate.Today(clock);
        var changes = new List<UnitChange>();
        int created = 0, updated = 0, unchanged = 0, deactivated = 0, missing = 0, repaired = 0;
        foreach (var after in hierarchy.Placed())
        {
            var old = before.GetValueOrDefault(after.Id);
            var desired = after;
            var closedByToday = after.ActiveTo is { } activeTo && activeTo <= today;
            if (inFile.Contains(after.Id))
            {
                _ = old is null ? created++ : old != desired ? updated++ : unchanged++;
            }
            else if (!closedByToday && deactivateMissing)
            {
                // Active through today; a unit that had not started yet is closed before it starts.
                desired = after with { ActiveTo = after.ActiveFrom > today ? after.ActiveFrom.AddDays(-1) : today };
                deactivated++;
            }
            else if (!closedByToday)
            {
                missing++;
            }

            if (old != desired)
            {
                changes.Add(new UnitChange(old, desired));
            }
            else if (stale.Contains(after.Id))
            {
                changes.Add(new UnitChange(old, desired));
                repaired++;
            }
        }

        await store.SaveAsync(changes, cancellationToken);
        return new UnitImportReport([], created, updated, unchanged, deactivated, missing, archivedAs, repaired);
    }
}
