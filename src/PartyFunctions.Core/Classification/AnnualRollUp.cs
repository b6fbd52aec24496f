using PartyFunctions.Scoring;

namespace PartyFunctions.Classification;

/// <summary>Rolls a cell's required months up into its meeting-quality year (docs/domain.md, "Annual roll-up").</summary>
public static class AnnualRollUp
{
    public static YearSummary Summarize(AnnualPolicy policy, CellYear cell, YearWindow window)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(cell);
        var (first, last) = window.RequiredMonths(cell.ActiveFrom, cell.ActiveTo);
        var months = cell.Months;
        int required = 0, good = 0, fairOrBetter = 0, weak = 0, notReported = 0, totalMonths = 0;
        var totalSum = 0d;
        for (var month = first; month <= last; month++)
        {
            required++;
            var report = month <= months.Count ? months[month - 1] : default;
            if (report.Effective is not { } band)
            {
                notReported++;
                weak++;
                continue;
            }

            good += band == Band.Good ? 1 : 0;
            fairOrBetter += band >= Band.Fair ? 1 : 0;
            weak += band == Band.Weak ? 1 : 0;
            if (report.Total is { } total)
            {
                totalSum += (double)total;
                totalMonths++;
            }
        }

        var summary = new YearSummary(required, good, fairOrBetter, weak, notReported, null, totalSum, totalMonths);
        return summary with { Band = required < policy.MinimumRequiredMonths ? null : YearBand(policy, summary) };
    }

    private static Band YearBand(AnnualPolicy policy, in YearSummary year) =>
        Meets(policy.Good, year) ? Band.Good
        : Meets(policy.Fair, year) ? Band.Fair
        : year.Weak <= policy.Average.MaxWeakMonths ? Band.Average
        : Band.Weak;

    private static bool Meets(YearBandRule rule, in YearSummary year) =>
        year.MonthsAtLeast(rule.EveryMonthAtLeast) == year.Required
        && year.MonthsAtLeast(rule.MonthsAtLeast) >= rule.Share.CeilingOf(year.Required);
}
