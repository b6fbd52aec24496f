namespace PartyFunctions.Classification;

/// <summary>The Trung bình year: at most <paramref name="MaxWeakMonths"/> Kém or not-reported months.</summary>
public sealed record AverageYearRule(int MaxWeakMonths);
