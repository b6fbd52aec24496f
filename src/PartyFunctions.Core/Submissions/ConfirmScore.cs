using System.Globalization;
using System.Text.Json;
using PartyFunctions.Access;
using PartyFunctions.Scoring;

namespace PartyFunctions.Submissions;

/// <summary>
/// Use case: the superior's assigned member confirms a cell's month, or corrects its points with a reason, through a
/// signed link (action <see cref="Action"/>, scoped to the superior: the cell must lie in its subtree). The confirmed
/// score prevails from then on. Audit: the archive keeps who, when, the points before and after and the reason; the
/// score keeps who and when. The page shows a version; confirming a version that has changed since is a conflict.
/// The confirmation may instead adopt a score a member observed at the meeting, with a reason (docs/follow-up.md): the
/// month's confirmed score is then the observed one, which is what the roll-up and the alerts use from then on
/// (<see cref="ScoreRecord.EffectiveBand"/>).
/// </summary>
public sealed class ConfirmScore(
    SubtreeAccess access, LinkSigner signer, IScoreStore scores, IScoreArchive archive, SubmissionPolicy policy, Attendance.IAttendanceStore attendance,
    TimeProvider clock)
{
    public const string Action = "confirm";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The sheet the link opens: the score as stored, with its pack for the form's labels and maxima, and the scores
    /// members observed at the meeting (issue 17) to set beside the self-score.
    /// </summary>
    public async Task<ConfirmationView> ViewAsync(string? link, string unitId, string? periodText, CancellationToken cancellationToken)
    {
        var access = await AuthoriseAsync(link, unitId, periodText, cancellationToken);
        if (access.Error is not null)
        {
            return access;
        }

        var observed = await attendance.GetMonthAsync(unitId, access.Score!.Record.Period, cancellationToken);
        return access with { Pack = policy.Catalog.Find(access.Score.Record.PackId), Observed = [.. observed.Where(r => r.Score is not null)] };
    }

    public async Task<ConfirmationOutcome> RunAsync(ConfirmationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var view = await ViewAsync(input.Link, input.UnitId, input.Period, cancellationToken);
        if (view.Error is { } denied)
        {
            return new ConfirmationOutcome(view.Status, [denied], view);
        }

        var current = view.Score!;
        var pack = view.Pack ?? throw new InvalidOperationException($"Score of {input.UnitId} names unknown pack {current.Record.PackId}.");
        var errors = new List<FieldError>();
        var adopted = input.AdoptObserved is { Length: > 0 } chosen ? Adopt(view, chosen, errors) : null;
        var points = adopted?.Sheet.Criteria.ToDictionary(StringComparer.Ordinal) ?? ReadPoints(input.Points, errors);
        var reason = Text(input.Reason, "reason", errors);
        var name = Text(input.ConfirmerName, "confirmerName", errors);
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(SubmissionErrors.Required("confirmerName"));
        }

        if (input.ReceiptId is { Length: > 0 } r && !ReceiptId.IsValid(r))
        {
            errors.Add(SubmissionErrors.Receipt());
        }

        // An adopted observation is scored as it was recorded: on the observer's sheet (its facts) and its pack.
        var corrected = adopted is { } taken
            ? MonthlyScoring.Score(taken.Pack, taken.Sheet)
            : MonthlyScoring.Score(pack, new ScoreSheet(current.Record.Period.ToString(), points, current.Record.Facts));
        errors.AddRange(corrected.Errors);
        var changed = !SamePoints(current.Record.Criteria, points) || adopted is not null;
        if (adopted is not null && string.IsNullOrEmpty(reason))
        {
            errors.Add(new FieldError("reason", "adopt-reason-required", "Khi lấy điểm dự sinh hoạt làm điểm xác nhận phải ghi lý do.",
                "Adopting the observed score needs a reason."));
        }
        else if (changed && string.IsNullOrEmpty(reason))
        {
            errors.Add(new FieldError("reason", "reason-required", "Khi sửa điểm phải ghi lý do.", "A correction needs a reason."));
        }

        if (errors.Count > 0)
        {
            return new ConfirmationOutcome(ConfirmationStatus.Invalid, errors, view);
        }

        // The same confirmation sent again after its answer was lost: it is already the stored version.
        if (input.ReceiptId is { Length: > 0 } sent && current.Record.ReceiptId == sent && current.Record.IsConfirmed)
        {
            return new ConfirmationOutcome(ConfirmationStatus.Confirmed, [], view, corrected.Score!, ScoreRecorded.Of(current.Record, clock.GetUtcNow()));
        }

        if (input.ShownVersion != current.Record.Version.ToString(CultureInfo.InvariantCulture))
        {
            return Conflict(view);
        }

        var now = clock.GetUtcNow();
        var link = signer.Verify(input.Link, Action).Link!;
        var who = $"{name} (liên kết của {link.Subject ?? link.ScopeUnitId})";
        var result = corrected.Score!;
        var confirmation = new ScoreConfirmation(points, result.Total, result.Band, [.. result.Reasons.Select(x => x.Code)], reason ?? "", who, now,
            adopted?.Observation);
        var receipt = input.ReceiptId is { Length: > 0 } given ? given : ReceiptId.New();
        var confirmed = current.Record with { Confirmation = confirmation, ReceiptId = receipt, Version = current.Record.Version + 1 };
        await archive.AppendAsync(new ArchiveEntry("confirmation", confirmed.UnitId, confirmed.Period, receipt, now, input.ClientIpHash,
            "application/json", JsonSerializer.Serialize(new { before = current.Record, after = confirmation, changed }, Json)), cancellationToken);
        var replaced = await scores.TryReplaceAsync(confirmed, current.ETag, cancellationToken);
        // A replace applied but answered 412 on the SDK's retry (its first answer was lost) holds this receipt.
        return replaced.Written || replaced.Current?.Record.ReceiptId == receipt
            ? new ConfirmationOutcome(ConfirmationStatus.Confirmed, [], view with { Score = replaced.Current }, result, ScoreRecorded.Of(confirmed, now))
            : Conflict(view);
    }

    /// <summary>
    /// Re-applies an archived confirmation (restore): only onto the version it confirmed, as the ETag check did then.
    /// True when it was applied. <paramref name="superiorId"/> is the partition the month is being restored under.
    /// </summary>
    public async Task<bool> ReplayAsync(ArchiveEntry entry, string superiorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var archived = JsonSerializer.Deserialize<ArchivedConfirmation>(entry.Body, Json);
        if (archived is not { Before: { } before, After: { } after })
        {
            return false;
        }

        var current = await scores.GetAsync(superiorId, entry.UnitId, entry.Period, cancellationToken);
        if (current is null || current.Record.ReceiptId != before.ReceiptId || current.Record.Version != before.Version)
        {
            return false;
        }

        var confirmed = current.Record with { Confirmation = after, ReceiptId = entry.ReceiptId, Version = current.Record.Version + 1 };
        return (await scores.TryReplaceAsync(confirmed, current.ETag, cancellationToken)).Written;
    }

    private async Task<ConfirmationView> AuthoriseAsync(string? link, string unitId, string? periodText, CancellationToken cancellationToken)
    {
        var allowed = await access.AuthoriseAsync(link, Action, unitId, cancellationToken);
        if (!allowed.Allowed)
        {
            var (vi, en) = allowed.Message;
            return new ConfirmationView(ConfirmationStatus.Forbidden, null, null, null, new FieldError("link", "link", vi, en));
        }

        if (!ScorePeriod.TryParse(periodText, out var period))
        {
            return new ConfirmationView(ConfirmationStatus.Invalid, allowed.Unit, null, null,
                new FieldError("period", "period", "Tháng phải có dạng yyyy-MM.", "The month is yyyy-MM."));
        }

        var score = allowed.Unit!.ParentId is { } superior ? await scores.GetAsync(superior, unitId, period, cancellationToken) : null;
        return score is null
            ? new ConfirmationView(ConfirmationStatus.NotFound, allowed.Unit, null, null, new FieldError("period", "no-score",
                "Chi bộ chưa nộp tự chấm điểm cho tháng này.", "The cell has not submitted a self-score for this month."))
            : new ConfirmationView(ConfirmationStatus.Shown, allowed.Unit, score, null, null);
    }

    /// <summary>
    /// The observation <paramref name="chosen"/> names (its author's <see cref="Attendance.MemberKey"/>) among the month's
    /// scored records, with the sheet and pack that scored it; null and an error when there is none such.
    /// </summary>
    private Adoption? Adopt(ConfirmationView view, string chosen, List<FieldError> errors)
    {
        var record = view.Observed.FirstOrDefault(o => string.Equals(Attendance.MemberKey.OfAuthor(o.Author), chosen, StringComparison.Ordinal));
        if (record?.Score is not { } seen || (policy.Catalog.Find(seen.PackId) ?? view.Pack) is not { } pack)
        {
            errors.Add(new FieldError("adoptObserved", "adopt-unknown", "Không có điểm dự sinh hoạt này trong tháng; hãy mở lại trang.",
                "There is no such observed score this month; open the page again."));
            return null;
        }

        return new Adoption(new ScoreSheet(record.Period.ToString(), seen.Criteria, seen.Facts), pack,
            new AdoptedObservation(record.RecordedBy, record.MeetingDate, seen.PackId));
    }

    private sealed record Adoption(ScoreSheet Sheet, Policy.PolicyPack Pack, AdoptedObservation Observation);

    private static Dictionary<string, decimal> ReadPoints(IReadOnlyDictionary<string, string?> typed, List<FieldError> errors)
    {
        var points = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, text) in typed)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (FormNumber.TryParse(text, out var number))
            {
                points[key] = number;
            }
            else
            {
                errors.Add(SubmissionErrors.Number($"criteria.{key}"));
            }
        }

        return points;
    }

    private static string? Text(string? text, string field, List<FieldError> errors)
    {
        var value = text?.Trim();
        if (value is { Length: > ScoreConfirmation.MaxTextLength })
        {
            errors.Add(SubmissionErrors.TooLong(field, ScoreConfirmation.MaxTextLength));
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static bool SamePoints(IReadOnlyDictionary<string, decimal> before, Dictionary<string, decimal> after) =>
        before.Count == after.Count && before.All(p => after.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <summary>What <see cref="RunAsync"/> archives for a confirmation.</summary>
    private sealed record ArchivedConfirmation(ScoreRecord? Before, ScoreConfirmation? After, bool Changed);

    private static ConfirmationOutcome Conflict(ConfirmationView view) => new(ConfirmationStatus.Conflict,
        [new FieldError("", "conflict", "Điểm tháng này đã thay đổi từ khi đồng chí mở trang. Hãy xem lại rồi xác nhận.",
            "The score changed since this page was opened. Review it and confirm again.")], view);
}

public enum ConfirmationStatus
{
    Shown,
    Confirmed,
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
}

/// <summary>What the link opens: the cell, its stored score and pack, or why not.</summary>
public sealed record ConfirmationView(
    ConfirmationStatus Status, Organisation.Unit? Unit, StoredScore? Score, Policy.PolicyPack? Pack, FieldError? Error)
{
    /// <summary>Attendance records of the month that carry an observed score.</summary>
    public IReadOnlyList<Attendance.AttendanceRecord> Observed { get; init; } = [];
}

/// <summary>The result of a confirmation: the new score and its event, or every error.</summary>
public sealed record ConfirmationOutcome(
    ConfirmationStatus Status, IReadOnlyList<FieldError> Errors, ConfirmationView View, MonthlyScore? Result = null, ScoreRecorded? Event = null);
