using PartyFunctions.Alerts;
using PartyFunctions.Concurrency;
using PartyFunctions.Policy;

namespace PartyFunctions.Remediation;

/// <summary>
/// Use case: the superior accepts a plan and closes its items (signed links). Closing the last item closes the plan
/// and resolves its alert (docs/domain.md: annual-weak resolves when the plan is closed). Repeating either changes nothing;
/// a repeated close of a closed plan resolves the alert again, which repairs a crash between the two writes.
/// </summary>
public sealed class ReviewRemediationPlan(IRemediationStore plans, ResolveAlert resolve, TimeProvider clock)
{
    public Task<RemediationOutcome> AcceptAsync(AlertKey key, string actor, CancellationToken cancellationToken) =>
        UpdateAsync(key, plan => plan.State == PlanState.Submitted
            ? plan with { State = PlanState.Accepted, AcceptedAt = clock.GetUtcNow(), AcceptedBy = actor }
            : plan, cancellationToken);

    public async Task<RemediationOutcome> CloseItemAsync(AlertKey key, string itemId, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var current = await plans.GetAsync(key, cancellationToken);
        if (current is { Plan.State: PlanState.Submitted })
        {
            return RemediationOutcome.Fail(RemediationStatus.Conflict, new LocalizedText("Kế hoạch chưa được chấp nhận", "Accept the plan first."));
        }

        if (current is not null && current.Plan.Items.All(i => i.Id != itemId))
        {
            return RemediationOutcome.Fail(RemediationStatus.NotFound, new LocalizedText($"Không có nội dung {itemId}", $"No item {itemId}."));
        }

        var outcome = await UpdateAsync(key, plan =>
        {
            var now = clock.GetUtcNow();
            var items = plan.Items.Select(i => i.Id == itemId && i.ClosedAt is null ? i with { ClosedAt = now, ClosedBy = actor } : i).ToList();
            var closed = plan with { Items = items };
            return closed.AllItemsClosed && plan.State != PlanState.Closed ? closed with { State = PlanState.Closed, ClosedAt = now } : closed;
        }, cancellationToken);
        if (outcome.Plan is { State: PlanState.Closed } done)
        {
            await resolve.RunAsync(key, done.ClosedAt ?? clock.GetUtcNow(), actor, "Kế hoạch khắc phục đã hoàn thành / remediation plan closed", cancellationToken);
        }

        return outcome;
    }

    private async Task<RemediationOutcome> UpdateAsync(AlertKey key, Func<RemediationPlan, RemediationPlan> change, CancellationToken cancellationToken)
    {
        return await OptimisticUpdate.RunAsync(
            async ct =>
            {
                if (await plans.GetAsync(key, ct) is not { } current)
                {
                    return Attempt.Done(RemediationOutcome.Fail(RemediationStatus.NotFound, new LocalizedText($"Đơn vị {key.UnitId} chưa gửi kế hoạch khắc phục", "No plan submitted.")));
                }

                var changed = change(current.Plan);
                return Equivalent(changed, current.Plan)
                    ? Attempt.Done(new RemediationOutcome(RemediationStatus.Unchanged, current.Plan))
                    : Attempt.DoneIf(await plans.TryReplaceAsync(changed, current.ETag, ct), new RemediationOutcome(RemediationStatus.Updated, changed));
            },
            RemediationOutcome.Busy,
            cancellationToken);
    }

    private static bool Equivalent(RemediationPlan a, RemediationPlan b) =>
        a.State == b.State && a.Items.Zip(b.Items).All(p => p.First.ClosedAt == p.Second.ClosedAt);
}
