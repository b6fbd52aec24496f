namespace PartyFunctions.Classification;

/// <summary>The year being classified and the last month it covers (the last month whose cut-off has passed).</summary>
public readonly record struct YearWindow
{
    public YearWindow(int year, int throughMonth = 12)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(throughMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(throughMonth, 12);
        Year = year;
        ThroughMonth = throughMonth;
    }

    public int Year { get; }

    public int ThroughMonth { get; }

    /// <summary>The first and last required month (1-12) for a cell active on [from, to]; first &gt; last when none.</summary>
    public (int First, int Last) RequiredMonths(DateOnly? from, DateOnly? to)
    {
        var first = from is not { } f || f.Year < Year ? 1 : f.Year > Year ? 13 : f.Month;
        var last = to is not { } t || t.Year > Year ? 12 : t.Year < Year ? 0 : t.Month;
        return (first, Math.Min(last, ThroughMonth));
    }
}
