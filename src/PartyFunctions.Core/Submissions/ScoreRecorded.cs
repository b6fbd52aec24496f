using PartyFunctions.Scoring;

namespace PartyFunctions.Submissions;

/// <summary>
/// Queue message (queue <c>score-events</c>): a score was recorded for a cell's month, by the cell (first submission
/// or amendment) or by the superior (confirmation). <see cref="Band"/> is the band that now counts (the confirmed one
/// when <see cref="Confirmed"/>). Delivered at least once, and re-sent when a client retries the same receipt:
/// consumers make it idempotent by <see cref="ReceiptId"/>. The alerts (issue 6) open or resolve from it.
/// </summary>
public sealed record ScoreRecorded(
    string UnitId,
    string SuperiorId,
    int Year,
    int Month,
    Band Band,
    bool Confirmed,
    string ReceiptId,
    DateTimeOffset At,
    bool Late = false)
{
    public static ScoreRecorded Of(ScoreRecord score, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(score);
        return new(score.UnitId, score.SuperiorId, score.Period.Year, score.Period.Month, score.EffectiveBand,
            score.IsConfirmed, score.ReceiptId, at, score.Late);
    }
}
