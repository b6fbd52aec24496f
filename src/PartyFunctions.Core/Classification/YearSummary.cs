using PartyFunctions.Scoring;

namespace PartyFunctions.Classification;

/// <summary>
/// A cell's meeting-quality year: R (<paramref name="Required"/>), T (<paramref name="Good"/>), G
/// (<paramref name="FairOrBetter"/>), W (<paramref name="Weak"/>, not-reported months included), and the year
/// band, null when R is too small ("insufficient data"). Totals are summed over required months whose total is
/// known, to rank quota candidates by their average exactly.
/// </summary>
public readonly record struct YearSummary(
    int Required, int Good, int FairOrBetter, int Weak, int NotReported, Band? Band, double TotalSum, int TotalMonths)
{
    public bool Insufficient => Band is null;

    /// <summary>Months at least <paramref name="band"/>; not-reported months count as Kém.</summary>
    public int MonthsAtLeast(Band band) => band switch
    {
        Scoring.Band.Good => Good,
        Scoring.Band.Fair => FairOrBetter,
        Scoring.Band.Average => Required - Weak,
        _ => Required,
    };
}
