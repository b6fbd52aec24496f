using PartyFunctions.Organisation;
using PartyFunctions.Submissions;

namespace PartyFunctions.Deadlines;

/// <summary>
/// The cells required to report a month (active on at least one day of it) with their score, if any. Scores are
/// read one partition scan per direct superior, never one query per cell.
/// </summary>
public sealed class MonthRoster(IUnitStore units, IScoreStore scores)
{
    public async Task<MonthRosterResult> ForAllAsync(ScorePeriod period, CancellationToken cancellationToken)
    {
        var all = await units.GetAllAsync(cancellationToken);
        return new MonthRosterResult(all, await CellsAsync(all, period, cancellationToken));
    }

    public async Task<MonthRosterResult> ForSubtreeAsync(string unitId, ScorePeriod period, CancellationToken cancellationToken)
    {
        var subtree = await units.GetSubtreeAsync(unitId, cancellationToken);
        return new MonthRosterResult(subtree, await CellsAsync(subtree, period, cancellationToken));
    }

    public static bool IsRequired(Unit unit, ScorePeriod period)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Kind == UnitKind.Cell && unit.ActiveFrom <= period.LastDay && (unit.ActiveTo is null || unit.ActiveTo >= period.FirstDay);
    }

    private async Task<IReadOnlyList<CellMonth>> CellsAsync(IReadOnlyList<Unit> list, ScorePeriod period, CancellationToken cancellationToken)
    {
        var cells = new List<CellMonth>();
        foreach (var group in list.Where(u => IsRequired(u, period) && u.ParentId is not null).GroupBy(u => u.ParentId!, StringComparer.Ordinal))
        {
            var month = (await scores.GetMonthAsync(group.Key, period, cancellationToken)).ToDictionary(s => s.UnitId, StringComparer.Ordinal);
            cells.AddRange(group.Select(cell => new CellMonth(cell, month.GetValueOrDefault(cell.Id))));
        }

        return cells;
    }
}

/// <summary>The units read (to find superiors without another query) and the required cells with their scores.</summary>
public sealed record MonthRosterResult(IReadOnlyList<Unit> Units, IReadOnlyList<CellMonth> Cells)
{
    /// <summary>The superiors of a unit from the units already read, direct first (what <see cref="IUnitStore.GetSuperiorsAsync"/> answers).</summary>
    public IReadOnlyList<Unit> SuperiorsOf(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.SuperiorIds.Select(id => byId.GetValueOrDefault(id)).OfType<Unit>().ToList();
    }

    private readonly Dictionary<string, Unit> byId = Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
}

/// <summary>A required cell and its score for the month (null: nothing submitted yet).</summary>
public sealed record CellMonth(Unit Cell, ScoreRecord? Score);
