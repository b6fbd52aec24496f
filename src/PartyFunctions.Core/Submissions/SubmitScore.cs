using PartyFunctions.Access;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;
using PartyFunctions.Telemetry;

namespace PartyFunctions.Submissions;

/// <summary>
/// Use case: a cell submits or amends its monthly self-score (form or JSON). Order matters: everything that needs no
/// storage is checked first, then the access code, then the month against the unit; the raw request is archived
/// under its receipt before the score is written, so nothing accepted is ever lost, and the receipt makes a retry
/// harmless. A first submission is an insert; a month that has a score is amended under its ETag until the cut-off.
/// Storage round trips of a first submission: five one after the other (sign-in query beside the client's read, the
/// client's reservation and its return, archive, insert; docs/security.md, item 1).
/// </summary>
public sealed class SubmitScore(
    AuthenticateCell authenticate, IScoreStore scores, IScoreArchive archive, SubmissionPolicy policy, PartyMetrics metrics, TimeProvider clock)
{
    public async Task<SubmissionOutcome> RunAsync(SubmissionInput input, CancellationToken cancellationToken)
    {
        var outcome = await DecideAsync(input, cancellationToken);
        Count(outcome);
        return outcome;
    }

    private async Task<SubmissionOutcome> DecideAsync(SubmissionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.EnvelopeErrors.Count > 0)
        {
            return new SubmissionOutcome(SubmissionStatus.Invalid, input.EnvelopeErrors);
        }

        var now = clock.GetUtcNow();
        var (period, pack, sheet, errors) = ReadRequest(input, now, withAccessCode: true);
        if (errors.Count > 0)
        {
            return new SubmissionOutcome(SubmissionStatus.Invalid, errors);
        }

        var login = await authenticate.RunAsync(input.UnitId!, input.AccessCode, input.ClientIpHash, cancellationToken);
        if (!login.Succeeded)
        {
            var (vi, en) = login.Message;
            return SubmissionOutcome.Fail(
                login.Outcome == CellAuthenticationOutcome.Throttled ? SubmissionStatus.Throttled : SubmissionStatus.Unauthenticated,
                new FieldError("accessCode", "access", vi, en));
        }

        return await RecordAsync(input, login.Unit!, period, pack!, sheet!, now, cancellationToken);
    }

    /// <summary>
    /// Re-applies an archived submission as of the time it arrived, for the cell as registered now, without its access
    /// code (the archive never holds one): the same rules (cut-off, amendment, confirmation) decide as they did then.
    /// Only a restore calls this (<see cref="RestoreScores"/>).
    /// </summary>
    public async Task<SubmissionOutcome> ReplayAsync(ArchiveEntry entry, Unit unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(unit);
        var input = ArchivedSubmission.Read(entry);
        if (input.EnvelopeErrors.Count > 0)
        {
            return new SubmissionOutcome(SubmissionStatus.Invalid, input.EnvelopeErrors);
        }

        var (period, pack, sheet, errors) = ReadRequest(input, entry.ReceivedAt, withAccessCode: false);
        return errors.Count > 0
            ? new SubmissionOutcome(SubmissionStatus.Invalid, errors)
            : await RecordAsync(input, unit, period, pack!, sheet!, entry.ReceivedAt, cancellationToken);
    }

    private async Task<SubmissionOutcome> RecordAsync(
        SubmissionInput input, Unit unit, ScorePeriod period, PolicyPack pack, ScoreSheet sheet, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ActivityError(unit, period) is { } inactive)
        {
            return SubmissionOutcome.Fail(SubmissionStatus.Invalid, inactive);
        }

        if (unit.ParentId is not { } superiorId)
        {
            return SubmissionOutcome.Fail(SubmissionStatus.Invalid, SubmissionErrors.NoSuperior());
        }

        var result = MonthlyScoring.Score(pack, sheet).Score!;
        var receipt = input.ReceiptId ?? ReceiptId.New();
        var score = new ScoreRecord(unit.Id, superiorId, period, pack.Id, sheet.Criteria, sheet.Facts, result.Total, result.Band,
            [.. result.Reasons.Select(r => r.Code)], now, ReportingCalendar.IsLate(period, now), receipt, 1);
        var outcome = await StoreAsync(input, score, result, now, cancellationToken);
        return outcome.Recorded is { } recorded ? outcome with { Recorded = recorded with { UnitName = unit.Name } } : outcome;
    }

    private (ScorePeriod Period, PolicyPack? Pack, ScoreSheet? Sheet, List<FieldError> Errors) ReadRequest(SubmissionInput input, DateTimeOffset now, bool withAccessCode)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(input.UnitId))
        {
            errors.Add(SubmissionErrors.Required("unitId"));
        }
        else if (!UnitPath.IsValidId(input.UnitId))
        {
            errors.Add(SubmissionErrors.UnitId());
        }

        if (!withAccessCode)
        {
            // A replayed request was authenticated when it arrived; the archive never keeps the code.
        }
        else if (string.IsNullOrEmpty(input.AccessCode))
        {
            errors.Add(SubmissionErrors.Required("accessCode"));
        }
        else if (input.AccessCode.Length > 64)
        {
            errors.Add(SubmissionErrors.TooLong("accessCode", 64));
        }

        if (input.ReceiptId is { Length: > 0 } receipt && !ReceiptId.IsValid(receipt))
        {
            errors.Add(SubmissionErrors.Receipt());
        }

        if (!ScorePeriod.TryParse(input.Period, out var period))
        {
            errors.Add(string.IsNullOrEmpty(input.Period) ? SubmissionErrors.Required("period")
                : new FieldError("period", "period", "Tháng phải có dạng yyyy-MM, ví dụ 2025-11.", "The month is yyyy-MM, e.g. 2025-11."));
            return (period, null, null, errors);
        }

        if (period.FirstDay > VietnamDate.DayOf(now))
        {
            errors.Add(SubmissionErrors.FutureMonth());
            return (period, null, null, errors);
        }

        var pack = policy.PackFor(period);
        if (pack is null)
        {
            errors.Add(SubmissionErrors.NoPack());
            return (period, null, null, errors);
        }

        var (sheet, sheetErrors) = input.ReadSheet(pack);
        errors.AddRange(sheetErrors);
        if (sheet is not null && MonthlyScoring.Score(pack, sheet) is { IsValid: false } invalid)
        {
            errors.AddRange(invalid.Errors);
        }

        return (period, pack, sheet, errors);
    }

    private async Task<SubmissionOutcome> StoreAsync(
        SubmissionInput input, ScoreRecord score, MonthlyScore result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var archived = await archive.AppendAsync(
            new ArchiveEntry("submission", score.UnitId, score.Period, score.ReceiptId, now, input.ClientIpHash, input.ContentType, input.ArchiveBody),
            cancellationToken);
        var added = await scores.TryAddAsync(score, cancellationToken);
        if (added.Written)
        {
            return Recorded(SubmissionStatus.Recorded, added.Current!.Record, result, now, firstVersion: true);
        }

        if (added.Current is not { } current)
        {
            // The score vanished between the insert and the read: nothing deletes scores, so this is a transient state.
            return SubmissionOutcome.Fail(SubmissionStatus.Conflict, SubmissionErrors.ChangedMeanwhile());
        }

        if (current.Record.ReceiptId == score.ReceiptId)
        {
            return SameSheet(current.Record, score)
                ? Recorded(SubmissionStatus.Replayed, current.Record, result, now, current.Record.Version == 1)
                : SubmissionOutcome.Fail(SubmissionStatus.Conflict, SubmissionErrors.ReceiptReused());
        }

        // A receipt archived earlier that is not the current version was either superseded (refuse: a retry must not
        // bring old points back) or lost before its write (apply it now).
        if (!archived.Created && current.Record.SubmittedAt >= archived.ArchivedAt)
        {
            return SubmissionOutcome.Fail(SubmissionStatus.Conflict, SubmissionErrors.ReceiptReused());
        }

        if (current.Record.IsConfirmed)
        {
            return SubmissionOutcome.Fail(SubmissionStatus.Conflict, SubmissionErrors.AlreadyConfirmed());
        }

        if (ReportingCalendar.IsCutOff(score.Period, now))
        {
            return SubmissionOutcome.Fail(SubmissionStatus.Closed, SubmissionErrors.Closed(ReportingCalendar.Cutoff(score.Period)));
        }

        // An amendment keeps the superior the month was filed under and whether it was first filed late.
        var amended = score with { SuperiorId = current.Record.SuperiorId, Late = current.Record.Late, Version = current.Record.Version + 1 };
        var replaced = await scores.TryReplaceAsync(amended, current.ETag, cancellationToken);
        // A replace that was applied but whose answer was lost comes back as 412 from the SDK's retry: the stored
        // version is then this very request's, not someone else's.
        return replaced.Written || (replaced.Current?.Record is { } stored && stored.ReceiptId == score.ReceiptId && SameSheet(stored, amended))
            ? Recorded(SubmissionStatus.Recorded, amended, result, now, firstVersion: false)
            : SubmissionOutcome.Fail(SubmissionStatus.Conflict, SubmissionErrors.ChangedMeanwhile());
    }

    // Live requests only (a restore re-decides old ones). A repeat of a stored receipt was counted when it was stored.
    private void Count(SubmissionOutcome outcome)
    {
        switch (outcome)
        {
            case { Status: SubmissionStatus.Recorded, Recorded: { } recorded }:
                var period = recorded.Score.Period.ToString();
                metrics.SubmissionAccepted(recorded.Score.Band.ToString(), period, amendment: !recorded.FirstVersion);
                if (recorded.FirstVersion && recorded.Score.Late)
                {
                    metrics.SubmissionLate(period);
                }

                break;
            case { Status: SubmissionStatus.Replayed }:
                break;
            default:
                metrics.SubmissionRefused(RefusalReason(outcome.Status));
                break;
        }
    }

    internal static string RefusalReason(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Invalid => "invalid",
        SubmissionStatus.Unauthenticated => "unauthenticated",
        SubmissionStatus.Throttled => "throttled",
        SubmissionStatus.Closed => "closed",
        SubmissionStatus.Conflict => "conflict",
        _ => "other",
    };

    private static SubmissionOutcome Recorded(SubmissionStatus status, ScoreRecord score, MonthlyScore result, DateTimeOffset now, bool firstVersion) =>
        new(status, [], new RecordedScore(score, result, ScoreRecorded.Of(score, now), firstVersion));

    private static bool SameSheet(ScoreRecord stored, ScoreRecord candidate) =>
        stored.Facts == candidate.Facts
        && stored.Criteria.Count == candidate.Criteria.Count
        && stored.Criteria.All(c => candidate.Criteria.TryGetValue(c.Key, out var points) && points == c.Value);

    private static FieldError? ActivityError(Unit unit, ScorePeriod period) =>
        period.LastDay < unit.ActiveFrom ? SubmissionErrors.BeforeActive(unit.ActiveFrom)
        : unit.ActiveTo is { } to && period.FirstDay > to ? SubmissionErrors.AfterActive(to)
        : null;
}
