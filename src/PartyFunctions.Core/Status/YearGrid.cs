namespace PartyFunctions.Status;

/// <summary>
/// A committee's year at a glance: one row per cell (a committee whose cells report to it) or per committee below
/// (the province, a district), with the counts of each month, and the totals per month over every cell of the subtree.
/// </summary>
public sealed record YearGrid(string UnitId, string UnitName, int Year, DateTimeOffset At, bool RowsAreCells, IReadOnlyList<YearGridRow> Rows)
{
    public IReadOnlyList<MonthCounts> Totals { get; } = Enumerable.Range(1, 12)
        .Select(m => Sum(m, Rows.Select(r => r.Counts[m - 1]))).ToList();

    private static MonthCounts Sum(int month, IEnumerable<MonthCounts> counts)
    {
        var list = counts.ToList();
        return new MonthCounts(month, list.Sum(c => c.Good), list.Sum(c => c.Fair), list.Sum(c => c.Average), list.Sum(c => c.Weak),
            list.Sum(c => c.Missing), list.Sum(c => c.Late), list.Sum(c => c.Pending));
    }
}

/// <summary>One row: a cell with its twelve months (<see cref="Months"/>), or a committee with none; both with twelve counts.</summary>
public sealed record YearGridRow(string UnitId, string Name, int Cells, IReadOnlyList<CellMonthView> Months, IReadOnlyList<MonthCounts> Counts);
