namespace PartyFunctions.Classification;

/// <summary>
/// The cell's optional annual facts. <paramref name="Members"/> is null when members were not rated, and
/// <paramref name="TargetsMetRate"/> (0-1) null when not reported: an absent fact never counts against the cell.
/// </summary>
public sealed record AnnualFacts(
    bool Disciplined = false, bool OpenRemediation = false, MembersRated? Members = null, decimal? TargetsMetRate = null)
{
    public static readonly AnnualFacts None = new();
}
