using PartyFunctions.Access;
using PartyFunctions.Scoring;

namespace PartyFunctions.Submissions;

/// <summary>
/// Use case: read one cell's month for the JSON API. The cell itself (its access code, counted like the form's) or a
/// superior (a signed "view" or "confirm" link covering the cell) may read it. The reasons are explained again from
/// the stored sheet and its pack, so a reader gets the same texts as the receipt.
/// </summary>
public sealed class ReadScore(AuthenticateCell authenticate, SubtreeAccess access, IScoreStore scores, SubmissionPolicy policy)
{
    public const string ViewAction = "view";

    public async Task<ReadScoreOutcome> RunAsync(string unitId, string? periodText, string? code, string? link, string client, CancellationToken cancellationToken)
    {
        if (!ScorePeriod.TryParse(periodText, out var period))
        {
            return new ReadScoreOutcome(SubmissionStatus.Invalid,
                [new FieldError("period", "period", "Tháng phải có dạng yyyy-MM.", "The month is yyyy-MM.")]);
        }

        Organisation.Unit? unit;
        if (!string.IsNullOrEmpty(code))
        {
            var login = await authenticate.RunAsync(unitId, code, client, cancellationToken);
            var (vi, en) = login.Message;
            if (!login.Succeeded)
            {
                return new ReadScoreOutcome(login.Outcome == CellAuthenticationOutcome.Throttled ? SubmissionStatus.Throttled : SubmissionStatus.Unauthenticated,
                    [new FieldError("accessCode", "access", vi, en)]);
            }

            unit = login.Unit;
        }
        else
        {
            var viewed = await access.AuthoriseAsync(link, ViewAction, unitId, cancellationToken);
            var confirming = viewed.Allowed ? viewed : await access.AuthoriseAsync(link, ConfirmScore.Action, unitId, cancellationToken);
            var (vi, en) = confirming.Message;
            if (!confirming.Allowed)
            {
                return new ReadScoreOutcome(SubmissionStatus.Unauthenticated, [new FieldError("link", "access", vi, en)]);
            }

            unit = confirming.Unit;
        }

        var stored = unit?.ParentId is { } superior ? await scores.GetAsync(superior, unitId, period, cancellationToken) : null;
        if (stored is null)
        {
            return new ReadScoreOutcome(SubmissionStatus.Invalid, [new FieldError("period", "no-score",
                "Chi bộ chưa nộp tự chấm điểm cho tháng này.", "The cell has not submitted a self-score for this month.")], Found: false);
        }

        var record = stored.Record;
        var pack = policy.Catalog.Find(record.PackId);
        var result = pack is null ? null : MonthlyScoring.Score(pack, new ScoreSheet(record.Period.ToString(), record.Criteria, record.Facts)).Score;
        return new ReadScoreOutcome(SubmissionStatus.Recorded, [], Score: record, Result: result);
    }
}

/// <summary>The score and its explanation, or why not; <see cref="Found"/> false means the month has no score.</summary>
public sealed record ReadScoreOutcome(
    SubmissionStatus Status, IReadOnlyList<FieldError> Errors, bool Found = true, ScoreRecord? Score = null, MonthlyScore? Result = null);
