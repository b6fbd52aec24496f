namespace PartyFunctions.Classification;

/// <summary>A cell's classified year: the roll-up, the proposed level (null for insufficient data) and why.</summary>
public readonly record struct CellClassification(
    string UnitId, string SuperiorId, YearSummary Year, Level? Proposed, LevelReasons Reasons)
{
    public bool DemotedByQuota => (Reasons & LevelReasons.Quota) != 0;
}
