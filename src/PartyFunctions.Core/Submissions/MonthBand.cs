using PartyFunctions.Scoring;

namespace PartyFunctions.Submissions;

/// <summary>
/// What the annual roll-up needs of a stored month, and nothing more: the cell's band, the superior's when confirmed,
/// and the total that counts. Reading only these columns keeps a committee's year scan small on the wire.
/// </summary>
public readonly record struct MonthBand(string UnitId, int Month, Band Band, Band? ConfirmedBand, decimal EffectiveTotal)
{
    /// <summary>The cell's own total, which the annual report sets beside an observed score.</summary>
    public decimal SelfTotal { get; init; }
}
