using System.Globalization;
using PartyFunctions.Alerts;
using PartyFunctions.Concurrency;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;

namespace PartyFunctions.Remediation;

/// <summary>
/// Use case: the assigned member (or an office above) reviews a plan through a signed link: returns it for revision
/// with a comment (the cell is told by email), accepts it, closes items with a note, reopens an item (which reopens a
/// closed plan and its alert), and closes the plan once every item is closed, which resolves its alert when
/// <see cref="PlanClosure"/> says so. Every action is recorded on the plan with who, when and why; repeating one
/// changes nothing.
/// </summary>
public sealed class ReviewRemediationPlan(
    IRemediationStore plans, PlanClosure closure, ResolveAlert resolve, IAlertStore alerts, IUnitStore units, DigestPoster poster, PlanLinks links,
    TimeProvider clock)
{
    public const int MaxNote = 1000;

    public Task<RemediationOutcome> AcceptAsync(AlertKey key, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(key, (plan, now) => plan.State switch
        {
            PlanState.Accepted or PlanState.Closed => Unchanged,
            PlanState.Submitted => Changed(plan with { State = PlanState.Accepted, AcceptedAt = now, AcceptedBy = actor }, now, actor, PlanActionKind.Accepted),
            _ => Refuse("Kế hoạch chưa được gửi lại sau khi trả về: chưa chấp nhận được", "The plan has not been submitted (again) yet."),
        }, cancellationToken);

    public async Task<RemediationOutcome> ReturnAsync(AlertKey key, string actor, string? comment, CancellationToken cancellationToken)
    {
        if (NoteError(comment, required: true) is { } error)
        {
            return error;
        }

        var outcome = await ChangeAsync(key, (plan, now) => plan.State switch
        {
            PlanState.Submitted => Changed(plan with { State = PlanState.Returned, ReturnComment = comment!.Trim() }, now, actor, PlanActionKind.Returned, note: comment!.Trim()),
            PlanState.Returned when plan.ReturnComment == comment!.Trim() => Unchanged,
            _ => Refuse("Chỉ trả lại được kế hoạch vừa gửi, chưa được chấp nhận", "Only a submitted plan not yet accepted can be returned."),
        }, cancellationToken);
        if (outcome is { Status: RemediationStatus.Updated, Plan: { } returned })
        {
            await TellCellAsync(returned, comment!.Trim(), cancellationToken);
        }

        return outcome;
    }

    public Task<RemediationOutcome> CloseItemAsync(AlertKey key, string itemId, string actor, string? note, CancellationToken cancellationToken) =>
        NoteError(note, required: false) is { } error ? Task.FromResult(error) : ChangeAsync(key, (plan, now) =>
        {
            if (plan.Items.FirstOrDefault(i => i.Id == itemId) is not { } item)
            {
                return NoItem(itemId);
            }

            if (plan.State is not PlanState.Accepted)
            {
                return item.ClosedAt is not null ? Unchanged : Refuse("Kế hoạch chưa được chấp nhận", "Accept the plan first.");
            }

            return item.ClosedAt is not null ? Unchanged : Changed(
                plan with { Items = Replace(plan, item with { ClosedAt = now, ClosedBy = actor, ClosedNote = Blank(note) }) }, now, actor, PlanActionKind.ItemClosed, itemId, Blank(note));
        }, cancellationToken);

    public async Task<RemediationOutcome> ReopenItemAsync(AlertKey key, string itemId, string actor, string? reason, CancellationToken cancellationToken)
    {
        if (NoteError(reason, required: true) is { } error)
        {
            return error;
        }

        var wasClosed = false;
        var outcome = await ChangeAsync(key, (plan, now) =>
        {
            if (plan.Items.FirstOrDefault(i => i.Id == itemId) is not { } item)
            {
                return NoItem(itemId);
            }

            if (item.ClosedAt is null)
            {
                return Unchanged;
            }

            wasClosed = plan.State == PlanState.Closed;
            var reopened = plan with { State = PlanState.Accepted, ClosedAt = null, Items = Replace(plan, item with { ClosedAt = null, ClosedBy = null, ClosedNote = null }) };
            return Changed(reopened, now, actor, PlanActionKind.ItemReopened, itemId, reason!.Trim());
        }, cancellationToken);
        if (outcome.Status == RemediationStatus.Updated && wasClosed)
        {
            await resolve.ReopenAsync(key, clock.GetUtcNow(), actor, "Nội dung khắc phục được mở lại / a plan item was reopened", cancellationToken);
        }

        return outcome;
    }

    public async Task<RemediationOutcome> ClosePlanAsync(AlertKey key, string actor, string? note, CancellationToken cancellationToken)
    {
        if (NoteError(note, required: false) is { } error)
        {
            return error;
        }

        var outcome = await ChangeAsync(key, (plan, now) => plan.State switch
        {
            PlanState.Closed => Unchanged,
            PlanState.Accepted when plan.AllItemsClosed => Changed(plan with { State = PlanState.Closed, ClosedAt = now }, now, actor, PlanActionKind.Closed, note: Blank(note)),
            PlanState.Accepted => Refuse(
                $"Còn {plan.Items.Count(i => i.ClosedAt is null)} nội dung chưa kết thúc: hãy kết thúc từng nội dung trước",
                "Close every item first."),
            _ => Refuse("Kế hoạch chưa được chấp nhận", "Accept the plan first."),
        }, cancellationToken);

        // Also on a repeat: it repairs a crash between closing the plan and resolving its alert.
        if (outcome.Plan is { State: PlanState.Closed } closed && await alerts.GetAsync(key, cancellationToken) is { Alert.IsOpen: true } alert
            && await closure.ClearedAsync(alert.Alert, cancellationToken) is { } reason)
        {
            await resolve.RunAsync(key, closed.ClosedAt ?? clock.GetUtcNow(), actor, reason, cancellationToken);
        }

        return outcome;
    }

    private async Task TellCellAsync(RemediationPlan plan, string comment, CancellationToken cancellationToken)
    {
        if (await units.GetAsync(plan.Key.UnitId, cancellationToken) is not { SecretaryEmail: { Length: > 0 } email } unit)
        {
            return;
        }

        // One digest per return: the n-th return of this plan has its own id, so a repeated request writes nothing new.
        var returns = plan.Actions.Count(a => a.Kind == PlanActionKind.Returned).ToString(CultureInfo.InvariantCulture);
        var runId = $"plan-returned-{plan.Key.UnitId}-{plan.Key.Rule}-{plan.Key.Period}-{returns}";
        await poster.PostAsync(new Digest(DigestId.For(runId, email), new Recipient(email, unit.Name, Office: true), Digest.Vietnamese, clock.GetUtcNow(),
            [new DigestItem(NotificationKind.PlanReturned, unit.Id, unit.Name, plan.Key.Period, plan.Key.Rule, Detail: comment, ActionUrl: links.CellPlan(plan.Key))]),
            cancellationToken);
    }

    private async Task<RemediationOutcome> ChangeAsync(AlertKey key, Func<RemediationPlan, DateTimeOffset, Decision> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await OptimisticUpdate.RunAsync(
            async ct =>
            {
                if (await plans.GetAsync(key, ct) is not { } current || current.Plan.State == PlanState.Draft)
                {
                    return Attempt.Done(RemediationOutcome.Fail(RemediationStatus.NotFound, new LocalizedText($"Đơn vị {key.UnitId} chưa gửi kế hoạch khắc phục", "No plan submitted.")));
                }

                var decision = decide(current.Plan, clock.GetUtcNow());
                if (decision.Refusal is { } refusal)
                {
                    return Attempt.Done(refusal);
                }

                if (decision.Plan is { } large && !PlanSize.Fits(large))
                {
                    return Attempt.Done(RemediationOutcome.Fail(RemediationStatus.TooLarge, PlanSize.TooLarge));
                }

                return decision.Plan is not { } changed
                    ? Attempt.Done(new RemediationOutcome(RemediationStatus.Unchanged, current.Plan))
                    : Attempt.DoneIf(await plans.TryReplaceAsync(changed, current.ETag, ct), new RemediationOutcome(RemediationStatus.Updated, changed));
            },
            RemediationOutcome.Busy,
            cancellationToken);
    }

    private static readonly Decision Unchanged = new(null, null);

    private static Decision Changed(RemediationPlan plan, DateTimeOffset at, string actor, PlanActionKind kind, string? itemId = null, string? note = null) =>
        new(plan.Record(new PlanAction(at, actor, kind, itemId, note)), null);

    private static Decision Refuse(string vi, string en) => new(null, RemediationOutcome.Fail(RemediationStatus.Conflict, new LocalizedText(vi, en)));

    private static Decision NoItem(string itemId) =>
        new(null, RemediationOutcome.Fail(RemediationStatus.NotFound, new LocalizedText($"Không có nội dung {itemId}", $"No item {itemId}.")));

    private static List<PlanItem> Replace(RemediationPlan plan, PlanItem item) => plan.Items.Select(i => i.Id == item.Id ? item : i).ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static RemediationOutcome? NoteError(string? note, bool required) =>
        (required && string.IsNullOrWhiteSpace(note)) || note?.Length > MaxNote
            ? RemediationOutcome.Invalid([new Scoring.FieldError("note", "note",
                required ? $"Cần ghi lý do hoặc nhận xét (tối đa {MaxNote} ký tự)" : $"Ghi chú tối đa {MaxNote} ký tự",
                required ? $"Write a comment or reason (at most {MaxNote} characters)." : $"A note has at most {MaxNote} characters.")])
            : null;

    /// <summary>What a review action does to the plan as read: a changed plan, nothing (null, null), or a refusal.</summary>
    private sealed record Decision(RemediationPlan? Plan, RemediationOutcome? Refusal);
}
