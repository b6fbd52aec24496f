namespace PartyFunctions.Classification;

/// <summary>
/// The order in which HTXSNV candidates of one superior keep their level: more Tốt months, then the higher average
/// monthly total (a known average before an unknown one), then unit id in ordinal order.
/// </summary>
public static class QuotaRanking
{
    public static int Compare(in CellClassification x, in CellClassification y)
    {
        var byGood = y.Year.Good.CompareTo(x.Year.Good);
        if (byGood != 0)
        {
            return byGood;
        }

        var byAverage = CompareAverages(y.Year, x.Year);
        return byAverage != 0 ? byAverage : string.CompareOrdinal(x.UnitId, y.UnitId);
    }

    // Compares a/b with c/d by cross-multiplying, so equal averages tie exactly.
    private static int CompareAverages(in YearSummary a, in YearSummary b) =>
        (a.TotalMonths, b.TotalMonths) switch
        {
            (0, 0) => 0,
            (0, _) => -1,
            (_, 0) => 1,
            _ => (a.TotalSum * b.TotalMonths).CompareTo(b.TotalSum * a.TotalMonths),
        };
}
