using System.Globalization;
using PartyFunctions.Alerts;
using PartyFunctions.Concurrency;
using PartyFunctions.Policy;

namespace PartyFunctions.Remediation;

/// <summary>
/// Use case: an authenticated unit submits (or, until the superior accepts it, revises) its remediation plan for an
/// open <c>annual-weak</c> or <c>needs-consolidation</c> alert. Items are checked before anything is stored; the same
/// items again change nothing; evidence already uploaded stays with the item of the same number.
/// </summary>
public sealed class SubmitRemediationPlan(IRemediationStore plans, IAlertStore alerts, TimeProvider clock)
{
    public const int MaxItems = 20;
    public const int MaxText = 1000;

    public static bool IsPlanRule(string? rule) => rule is AlertRules.AnnualWeak or AlertRules.NeedsConsolidation;

    public async Task<RemediationOutcome> RunAsync(AlertKey key, IReadOnlyList<PlanItemInput>? items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsPlanRule(key.Rule) || await alerts.GetAsync(key, cancellationToken) is not { Alert.IsOpen: true })
        {
            return RemediationOutcome.Fail(RemediationStatus.NotFound,
                new LocalizedText($"Đơn vị {key.UnitId} không có cảnh báo {key.Rule} kỳ {key.Period} đang mở cần kế hoạch khắc phục.", "No open alert needs a plan."));
        }

        if (Validate(items) is { } error)
        {
            return RemediationOutcome.Fail(RemediationStatus.Invalid, error);
        }

        return await OptimisticUpdate.RunAsync(
            async ct =>
            {
                var existing = await plans.GetAsync(key, ct);
                if (existing is { Plan.State: not PlanState.Submitted })
                {
                    return Attempt.Done(RemediationOutcome.Fail(RemediationStatus.Conflict, new LocalizedText("Kế hoạch đã được cấp trên chấp nhận, không sửa được nữa", "The plan was accepted and can no longer change.")));
                }

                var newItems = items!.Select((item, i) =>
                {
                    var id = (i + 1).ToString(CultureInfo.InvariantCulture);
                    var evidence = existing?.Plan.Items.FirstOrDefault(x => x.Id == id)?.Evidence ?? [];
                    return new PlanItem(id, item.Title!.Trim(), item.Owner!.Trim(), DateOnly.ParseExact(item.Due!, "yyyy-MM-dd", CultureInfo.InvariantCulture), evidence);
                }).ToList();
                if (existing is { } stored && Same(stored.Plan.Items, newItems))
                {
                    return Attempt.Done(new RemediationOutcome(RemediationStatus.Unchanged, stored.Plan));
                }

                var plan = new RemediationPlan(key, PlanState.Submitted, newItems, clock.GetUtcNow());
                if (!PlanSize.LeavesRoomForReview(plan))
                {
                    return Attempt.Done(RemediationOutcome.Fail(RemediationStatus.TooLarge, PlanSize.TooLarge));
                }

                return Attempt.DoneIf(
                    existing is null ? await plans.TryAddAsync(plan, ct) : await plans.TryReplaceAsync(plan, existing.ETag, ct),
                    new RemediationOutcome(existing is null ? RemediationStatus.Created : RemediationStatus.Updated, plan));
            },
            RemediationOutcome.Busy,
            cancellationToken);
    }

    private static LocalizedText? Validate(IReadOnlyList<PlanItemInput>? items)
    {
        if (items is null || items.Count is 0 or > MaxItems)
        {
            return new LocalizedText($"Kế hoạch cần từ 1 đến {MaxItems} nội dung (items)", $"A plan needs 1 to {MaxItems} items.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (string.IsNullOrWhiteSpace(item?.Title) || item.Title.Length > MaxText
                || string.IsNullOrWhiteSpace(item.Owner) || item.Owner.Length > MaxText
                || !DateOnly.TryParseExact(item.Due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return new LocalizedText($"Nội dung {i + 1}: cần tên việc (title), người phụ trách (owner) và hạn (due, yyyy-MM-dd)", $"Item {i + 1} needs title, owner and due (yyyy-MM-dd).");
            }
        }

        return null;
    }

    private static bool Same(IReadOnlyList<PlanItem> a, List<PlanItem> b) =>
        a.Count == b.Count && a.Zip(b).All(p => (p.First.Title, p.First.Owner, p.First.Due) == (p.Second.Title, p.Second.Owner, p.Second.Due));
}

/// <summary>An item as the unit sends it (JSON <c>{title, owner, due}</c>, due as yyyy-MM-dd).</summary>
public sealed record PlanItemInput(string? Title, string? Owner, string? Due);
