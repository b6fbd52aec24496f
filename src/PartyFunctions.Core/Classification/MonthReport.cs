using PartyFunctions.Scoring;

namespace PartyFunctions.Classification;

/// <summary>One month of a cell: its self-scored band, the superior's confirmed band, and the month's total where known.</summary>
public readonly record struct MonthReport(Band? Self, Band? Confirmed = null, decimal? Total = null)
{
    /// <summary>The band that counts: the confirmation prevails; null means not reported.</summary>
    public Band? Effective => Confirmed ?? Self;
}
