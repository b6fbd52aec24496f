namespace PartyFunctions.Classification;

/// <summary>How many of the cell's members were rated at each level this year.</summary>
public readonly record struct MembersRated(int Excellent, int Good, int Complete, int Failed)
{
    public int Total => Excellent + Good + Complete + Failed;

    public int GoodOrBetter => Excellent + Good;
}
