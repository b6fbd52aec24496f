using PartyFunctions.Classification;
using PartyFunctions.Scoring;

namespace PartyFunctions.UnitTests.Classification;

/// <summary>Writes a year as one letter per month: T Tốt, K Khá, B Trung bình, W Kém, '-' no score.</summary>
internal static class Years
{
    public static Band? Parse(char c) => c switch
    {
        'T' => Band.Good,
        'K' => Band.Fair,
        'B' => Band.Average,
        'W' => Band.Weak,
        _ => null,
    };

    /// <summary>Self scores, optionally overlaid by confirmations written the same way ('-' = none).</summary>
    public static CellYear Cell(string self, string? confirmed = null, DateOnly? from = null, DateOnly? to = null,
        AnnualFacts? facts = null, string unit = "c1", string superior = "s1", decimal[]? totals = null)
    {
        var months = self.Select((c, i) => new MonthReport(
            Parse(c), confirmed is null ? null : Parse(confirmed[i]), totals is null ? null : totals[i])).ToArray();
        return new CellYear(unit, superior, months, from, to, facts);
    }
}
