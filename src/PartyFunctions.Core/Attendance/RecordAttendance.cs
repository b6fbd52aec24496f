using System.Globalization;
using PartyFunctions.Access;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Attendance;

/// <summary>
/// Use case: a committee member records attending a unit's meeting, or amends their record, through a signed link
/// (action <see cref="Action"/>, covering the unit). Everything that needs no storage is checked first; the request is
/// archived under its receipt before the record is written (as a submission is), so nothing accepted is lost. A first
/// record is an insert; an amendment names the version it amends and is a replace under the stored ETag, so a stale
/// version is a conflict, never a lost update. Then the month's self-score is compared with what was observed
/// (<see cref="CheckScoreGap"/>).
/// </summary>
public sealed class RecordAttendance(
    SubtreeAccess access, LinkSigner signer, IAttendanceStore records, IScoreArchive archive, SubmissionPolicy policy,
    CheckScoreGap scoreGap, TimeProvider clock)
{
    public const string Action = "attend";
    public const string ArchiveKind = "attendance";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>
    /// What the link opens for a month (<paramref name="periodText"/>, else the current month): the unit, the pack whose
    /// criteria an observed score uses, and the author's record of that month if there is one.
    /// </summary>
    public async Task<AttendanceOutcome> ViewAsync(string? link, string unitId, string? periodText, CancellationToken cancellationToken)
    {
        var today = VietnamDate.Today(clock);
        var allowed = await access.AuthoriseAsync(link, Action, unitId, cancellationToken);
        if (!allowed.Allowed)
        {
            var (vi, en) = allowed.Message;
            return new AttendanceOutcome(AttendanceStatus.Forbidden, [new FieldError("link", "link", vi, en)], Today: today);
        }

        var unit = allowed.Unit!;
        var period = ScorePeriod.Of(today);
        if (!string.IsNullOrEmpty(periodText) && !ScorePeriod.TryParse(periodText, out period))
        {
            return new AttendanceOutcome(AttendanceStatus.Invalid, [PeriodError()], unit, periodText, PackFor(ScorePeriod.Of(today)), Today: today);
        }

        var stored = await records.GetAsync(unit.Id, period, AuthorOf(link), cancellationToken);
        return new AttendanceOutcome(AttendanceStatus.Shown, [], unit, period.ToString(), PackFor(period), stored, today)
        {
            Result = stored?.Record.Score is { } score ? Explain(score, period) : null,
        };
    }

    public async Task<AttendanceOutcome> RunAsync(AttendanceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var view = await ViewAsync(input.Link, input.UnitId, input.Period, cancellationToken);
        if (view.Status == AttendanceStatus.Forbidden)
        {
            return view;
        }

        if (input.EnvelopeErrors.Count > 0)
        {
            return view with { Status = AttendanceStatus.Invalid, Errors = input.EnvelopeErrors };
        }

        var now = clock.GetUtcNow();
        var (record, result, errors) = Read(input, view.Unit!, view.Today, now);
        if (errors.Count > 0)
        {
            return view with { Status = AttendanceStatus.Invalid, Errors = errors };
        }

        var outcome = await StoreAsync(input, record!, view with { Result = result }, now, cancellationToken);
        if (outcome.Succeeded)
        {
            // The superior's copy after the record (a replayed request writes it again, so a copy lost with an answer
            // comes back), then the check, which reads the unit's own partition.
            if (view.Unit!.ParentId is { } superior && outcome.Stored is { } stored)
            {
                await records.IndexAsync(stored.Record, superior, cancellationToken);
            }

            await scoreGap.RunAsync(view.Unit!, record!.Period, null, $"attendance {record.ReceiptId}", cancellationToken);
        }

        return outcome;
    }

    /// <summary>The author a link stands for: the person it was sent to, else the committee it was issued to.</summary>
    public string AuthorOf(string? link) => signer.Verify(link, Action).Link is { } valid ? valid.Subject ?? valid.ScopeUnitId : string.Empty;

    private (AttendanceRecord? Record, MonthlyScore? Result, List<FieldError> Errors) Read(
        AttendanceInput input, Unit unit, DateOnly today, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var periodOk = ScorePeriod.TryParse(input.Period, out var period);
        if (!periodOk)
        {
            errors.Add(string.IsNullOrEmpty(input.Period) ? SubmissionErrors.Required("period") : PeriodError());
        }
        else if (period.FirstDay > today)
        {
            errors.Add(SubmissionErrors.FutureMonth());
        }

        var date = default(DateOnly);
        if (string.IsNullOrWhiteSpace(input.MeetingDate))
        {
            errors.Add(SubmissionErrors.Required("meetingDate"));
        }
        else if (!DateOnly.TryParseExact(input.MeetingDate, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add(AttendanceErrors.MeetingDate());
        }
        else if (date > today)
        {
            errors.Add(AttendanceErrors.FutureDate());
        }
        else if (periodOk && ScorePeriod.Of(date) != period)
        {
            errors.Add(AttendanceErrors.DateOutsideMonth());
        }

        var recordedBy = Text(input.RecordedBy, "recordedBy", AttendanceRecord.MaxNameLength, required: true, errors);
        var observations = Text(input.Observations, "observations", AttendanceRecord.MaxTextLength, required: true, errors);
        var recommendations = Text(input.Recommendations, "recommendations", AttendanceRecord.MaxTextLength, required: false, errors);
        if (input.Attendees.Count == 0)
        {
            errors.Add(AttendanceErrors.NoAttendees());
        }
        else if (input.Attendees.Count > AttendanceRecord.MaxAttendees)
        {
            errors.Add(AttendanceErrors.TooManyAttendees());
        }
        else if (input.Attendees.Any(a => a.Length > AttendanceRecord.MaxNameLength))
        {
            errors.Add(SubmissionErrors.TooLong("attendees", AttendanceRecord.MaxNameLength));
        }

        if (input.ExpectedVersion is { Length: > 0 } version && !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            errors.Add(AttendanceErrors.Version());
        }

        if (input.ReceiptId is { Length: > 0 } receipt && !ReceiptId.IsValid(receipt))
        {
            errors.Add(SubmissionErrors.Receipt());
        }

        ObservedScore? observed = null;
        MonthlyScore? result = null;
        if (input.ReadScore is { } readScore && periodOk && period.FirstDay <= today)
        {
            if (PackFor(period) is not { } pack)
            {
                errors.Add(SubmissionErrors.NoPack());
            }
            else
            {
                // The pack's own checks (SheetValidator), as for a self-score; scoring a valid sheet adds no error.
                var (sheet, sheetErrors) = readScore(pack);
                errors.AddRange(sheetErrors);
                if (sheet is not null && MonthlyScoring.Score(pack, sheet) is { Score: { } scored })
                {
                    result = scored;
                    observed = new ObservedScore(pack.Id, sheet.Criteria, sheet.Facts, scored.Total, scored.Band, [.. scored.Reasons.Select(r => r.Code)]);
                }
            }
        }

        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        var record = new AttendanceRecord(unit.Id, period, date, AuthorOf(input.Link), recordedBy!, input.Attendees, observations!,
            recommendations ?? string.Empty, observed, now, input.ReceiptId is { Length: > 0 } given ? given : ReceiptId.New(), 1);
        return (record, result, errors);
    }

    private async Task<AttendanceOutcome> StoreAsync(
        AttendanceInput input, AttendanceRecord record, AttendanceOutcome view, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await archive.AppendAsync(new ArchiveEntry(ArchiveKind, record.UnitId, record.Period, record.ReceiptId, now, input.ClientIpHash,
            input.ContentType, input.ArchiveBody), cancellationToken);
        var current = await records.GetAsync(record.UnitId, record.Period, record.Author, cancellationToken);
        if (current is null)
        {
            if (input.ExpectedVersion is { Length: > 0 })
            {
                return Conflict(view, AttendanceErrors.Stale());
            }

            if (await records.TryAddAsync(record, cancellationToken))
            {
                return Done(view, AttendanceStatus.Recorded, new StoredAttendance(record, string.Empty));
            }

            current = await records.GetAsync(record.UnitId, record.Period, record.Author, cancellationToken);
            if (current is null)
            {
                return Conflict(view, AttendanceErrors.Stale());
            }
        }

        // The same request again (its answer was lost): the stored version is already this one.
        if (current.Record.ReceiptId == record.ReceiptId)
        {
            return current.Record.SameContent(record) ? Done(view, AttendanceStatus.Replayed, current) : Conflict(view, AttendanceErrors.ReceiptReused());
        }

        if (input.ExpectedVersion is not { Length: > 0 } expected)
        {
            return Conflict(view with { Stored = current }, AttendanceErrors.AlreadyRecorded());
        }

        if (expected != current.Record.Version.ToString(CultureInfo.InvariantCulture))
        {
            return Conflict(view with { Stored = current }, AttendanceErrors.Stale());
        }

        var amended = record with { Version = current.Record.Version + 1 };
        return await records.TryReplaceAsync(amended, current.ETag, cancellationToken)
            ? Done(view, AttendanceStatus.Amended, new StoredAttendance(amended, string.Empty))
            : Conflict(view, AttendanceErrors.Stale());
    }

    private MonthlyScore? Explain(ObservedScore score, ScorePeriod period) =>
        policy.Catalog.Find(score.PackId) is { } pack
            ? MonthlyScoring.Score(pack, new ScoreSheet(period.ToString(), score.Criteria, score.Facts)).Score
            : null;

    private PolicyPack? PackFor(ScorePeriod period) => policy.PackFor(period);

    private static AttendanceOutcome Done(AttendanceOutcome view, AttendanceStatus status, StoredAttendance stored) =>
        view with { Status = status, Errors = [], Period = stored.Record.Period.ToString(), Stored = stored };

    private static AttendanceOutcome Conflict(AttendanceOutcome view, FieldError error) =>
        view with { Status = AttendanceStatus.Conflict, Errors = [error] };

    private static FieldError PeriodError() =>
        new("period", "period", "Tháng phải có dạng yyyy-MM, ví dụ 2025-11.", "The month is yyyy-MM, e.g. 2025-11.");

    private static string? Text(string? text, string field, int max, bool required, List<FieldError> errors)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                errors.Add(SubmissionErrors.Required(field));
            }

            return null;
        }

        if (value.Length > max)
        {
            errors.Add(SubmissionErrors.TooLong(field, max));
        }

        return value;
    }
}
