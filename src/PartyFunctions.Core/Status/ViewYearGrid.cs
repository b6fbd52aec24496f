using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Submissions;

namespace PartyFunctions.Status;

/// <summary>
/// Use case: the monthly status page's year view, from the same signed "view" link covering the unit. A grassroots
/// committee (whose cells report to it) sees one row per cell; the province (or a district) one row per committee
/// directly below it that was active that year, each with its cells' bands per month. Scores are read one partition scan per cells' superior for the year, never one per cell.
/// </summary>
public sealed class ViewYearGrid(SubtreeAccess access, IUnitStore units, IScoreStore scores, TimeProvider clock)
{
    public async Task<LinkedView<YearGrid>> LoadAsync(string? token, string unitId, int year, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!UnitPath.IsValidId(unitId) || year < 2000 || year > VietnamDate.DayOf(now).Year + 1)
        {
            return LinkedView.Refused<YearGrid>(LinkedViewOutcome.Invalid, new LocalizedText(
                "Địa chỉ không hợp lệ: mã đơn vị hoặc năm sai", "The address is not valid: the unit id or the year is malformed."));
        }

        var allowed = await access.AuthoriseAsync(token, AlertLinks.ViewAction, unitId, cancellationToken);
        if (!allowed.Allowed)
        {
            return LinkedView.Refused<YearGrid>(LinkedViewOutcome.LinkRefused, allowed.Message);
        }

        var unit = allowed.Unit!;
        var subtree = await units.GetSubtreeAsync(unit.Id, cancellationToken);
        var cells = subtree.Where(u => u.Kind == UnitKind.Cell && u.ParentId is not null && Active(u, year)).ToList();
        var months = new Dictionary<string, IReadOnlyList<CellMonthView>>(StringComparer.Ordinal);
        foreach (var group in cells.GroupBy(c => c.ParentId!, StringComparer.Ordinal))
        {
            var ofSuperior = await scores.GetYearAsync(group.Key, year, cancellationToken);
            foreach (var cell in group)
            {
                months[cell.Id] = CellYear.Of(cell, year, ofSuperior, now);
            }
        }

        var rowsAreCells = unit.Kind is UnitKind.Grassroots or UnitKind.Cell;
        var rows = rowsAreCells
            ? cells.OrderBy(c => c.Path, StringComparer.Ordinal).Select(c => Row(c.Id, c.Name, [months[c.Id]], months[c.Id])).ToList()
            : subtree.Where(u => u.ParentId == unit.Id && u.Kind.IsCommittee() && Active(u, year)).OrderBy(u => u.Path, StringComparer.Ordinal)
                .Select(child => Row(child.Id, child.Name, cells.Where(c => c.IsWithin(child.Id)).Select(c => months[c.Id]).ToList(), [])).ToList();
        return LinkedView.Found(new YearGrid(unit.Id, unit.Name, year, now, rowsAreCells, rows));
    }

    private static YearGridRow Row(string id, string name, List<IReadOnlyList<CellMonthView>> cells, IReadOnlyList<CellMonthView> months) =>
        new(id, name, cells.Count, months, Enumerable.Range(1, 12).Select(m => MonthCounts.Of(m, cells.Select(c => c[m - 1]))).ToList());

    /// <summary>Active on at least one day of the year.</summary>
    private static bool Active(Unit unit, int year) =>
        unit.ActiveFrom.Year <= year && (unit.ActiveTo is null || unit.ActiveTo.Value.Year >= year);
}
