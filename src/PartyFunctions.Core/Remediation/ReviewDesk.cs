using PartyFunctions.Policy;
using PartyFunctions.Scoring;
using PartyFunctions.Alerts;

namespace PartyFunctions.Remediation;

/// <summary>
/// Use case behind the member's review page (docs/remediation.md): with a signed <see cref="PlanLinks.ReviewAction"/> link
/// covering the unit, the member (or an office above) sees the plan beside the findings and the months and acts on it:
/// return it with a comment, accept it, close or reopen an item with a note, close the plan. Each action names who
/// acts (required on the page: the history says who, when and why).
/// </summary>
public sealed class ReviewDesk(RemediationRequests requests, ReadPlanView reader)
{
    public const int MaxName = 200;

    public async Task<ReviewPage> ShowAsync(AlertKey key, string? link, CancellationToken cancellationToken)
    {
        var plan = await PlanKeyAsync(key, cancellationToken);
        return await requests.LinkDeniedAsync(plan, link, cancellationToken) is { } denied
            ? new ReviewPage(denied.Status, null, denied.Errors, null)
            : await PageAsync(plan, RemediationStatus.Found, [], null, cancellationToken);
    }

    public async Task<ReviewPage> ActAsync(AlertKey key, string? link, ReviewAction action, string? itemId, string? by, string? note, CancellationToken cancellationToken)
    {
        var plan = await PlanKeyAsync(key, cancellationToken);
        if (await requests.LinkDeniedAsync(plan, link, cancellationToken) is { } denied)
        {
            return new ReviewPage(denied.Status, null, denied.Errors, null);
        }

        if (string.IsNullOrWhiteSpace(by) || by.Trim().Length > MaxName)
        {
            return await PageAsync(plan, RemediationStatus.Invalid, [new FieldError("by", "by",
                $"Cần ghi họ tên người thực hiện (tối đa {MaxName} ký tự)", $"Write your name (at most {MaxName} characters).")], null, cancellationToken);
        }

        by = by.Trim();
        var outcome = action switch
        {
            ReviewAction.Return => await requests.ReturnAsync(plan, link, by, note, cancellationToken),
            ReviewAction.Accept => await requests.AcceptAsync(plan, link, by, cancellationToken),
            ReviewAction.CloseItem => await requests.CloseItemAsync(plan, itemId ?? string.Empty, link, by, note, cancellationToken),
            ReviewAction.ReopenItem => await requests.ReopenItemAsync(plan, itemId ?? string.Empty, link, by, note, cancellationToken),
            _ => await requests.ClosePlanAsync(plan, link, by, note, cancellationToken),
        };
        return await PageAsync(plan, outcome.Status, outcome.Succeeded ? [] : outcome.Errors, outcome.Succeeded ? Done(action, itemId) : null, cancellationToken);
    }

    // A link to a plan-overdue alert opens the plan it is about.
    private async Task<AlertKey> PlanKeyAsync(AlertKey key, CancellationToken cancellationToken) =>
        key.Rule == AlertRules.PlanOverdue && await reader.ResolveAsync(key, cancellationToken) is { } alert ? alert.Key : key;

    private async Task<ReviewPage> PageAsync(AlertKey key, RemediationStatus status, IReadOnlyList<FieldError> errors, LocalizedText? done, CancellationToken cancellationToken)
    {
        var view = await reader.RunAsync(key, cancellationToken);
        return view is null
            ? new ReviewPage(RemediationStatus.NotFound, null, [new FieldError("", "not-found", "Không có cảnh báo cần kế hoạch khắc phục này", "No such plan alert.")], null)
            : new ReviewPage(status, view, errors, done);
    }

    private static LocalizedText Done(ReviewAction action, string? itemId) => action switch
    {
        ReviewAction.Return => new("Đã trả lại kế hoạch để chi bộ sửa; chi bộ được báo qua thư.", "The plan was returned; the cell was told by email."),
        ReviewAction.Accept => new("Đã chấp nhận kế hoạch.", "The plan was accepted."),
        ReviewAction.CloseItem => new($"Đã kết thúc nội dung {itemId}.", $"Item {itemId} was closed."),
        ReviewAction.ReopenItem => new($"Đã mở lại nội dung {itemId}.", $"Item {itemId} was reopened."),
        _ => new("Đã kết thúc kế hoạch.", "The plan was closed."),
    };
}

public enum ReviewAction
{
    Return,
    Accept,
    CloseItem,
    ReopenItem,
    ClosePlan,
}

/// <summary>The review page to render: the view (null when refused), the errors by field, and what was done.</summary>
public sealed record ReviewPage(RemediationStatus Status, PlanView? View, IReadOnlyList<FieldError> Errors, LocalizedText? Done);
