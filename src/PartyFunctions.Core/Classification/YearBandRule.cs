using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.Classification;

/// <summary>
/// A year band's condition: every required month at least <paramref name="EveryMonthAtLeast"/>, and at least
/// ceil(<paramref name="Share"/> × R) months at least <paramref name="MonthsAtLeast"/>.
/// </summary>
public sealed record YearBandRule(Band EveryMonthAtLeast, Band MonthsAtLeast, Fraction Share);
