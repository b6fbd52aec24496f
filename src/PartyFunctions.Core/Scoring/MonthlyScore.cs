using PartyFunctions.Policy;

namespace PartyFunctions.Scoring;

/// <summary>
/// A scored month: the total (0 when the meeting was not held), the band the total alone gives, the band after the
/// rules, and one reason per rule that changed the band or the total, in rule order.
/// </summary>
public sealed record MonthlyScore(
    string Period, string PackId, decimal Total, Band BandFromTotal, Band Band, IReadOnlyList<Reason> Reasons);
