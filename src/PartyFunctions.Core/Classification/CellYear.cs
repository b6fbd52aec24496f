namespace PartyFunctions.Classification;

/// <summary>
/// What the annual run knows of one cell: its superior, its months (index 0 = January; missing entries are not
/// reported), the days it was active (inclusive, null = open), and its annual facts.
/// </summary>
public sealed record CellYear(
    string UnitId,
    string SuperiorId,
    IReadOnlyList<MonthReport> Months,
    DateOnly? ActiveFrom = null,
    DateOnly? ActiveTo = null,
    AnnualFacts? Facts = null);
