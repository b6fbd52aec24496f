using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.Submissions;

/// <summary>A stored score as the JSON API returns it; <c>band</c> is the cell's, <c>effectiveBand</c> the one that counts.</summary>
public sealed record ScoreView(
    string UnitId, string SuperiorId, string Period, string PackId, IReadOnlyDictionary<string, decimal> Criteria, MeetingFacts Facts,
    decimal Total, Band Band, Band? BandFromTotal, IReadOnlyList<Reason> Reasons, bool Late, DateTimeOffset SubmittedAt,
    string ReceiptId, int Version, Band EffectiveBand, ScoreConfirmation? Confirmation)
{
    public static ScoreView Of(ScoreRecord score, MonthlyScore? result)
    {
        ArgumentNullException.ThrowIfNull(score);
        return new(score.UnitId, score.SuperiorId, score.Period.ToString(), score.PackId, score.Criteria, score.Facts, score.Total, score.Band,
            result?.BandFromTotal, result?.Reasons ?? score.ReasonCodes.Select(c => new Reason(c, c, c)).ToList(), score.Late, score.SubmittedAt,
            score.ReceiptId, score.Version, score.EffectiveBand, score.Confirmation);
    }
}
