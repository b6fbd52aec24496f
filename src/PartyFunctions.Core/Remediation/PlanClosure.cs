using PartyFunctions.Alerts;
using PartyFunctions.Submissions;

namespace PartyFunctions.Remediation;

/// <summary>
/// When a plan's alert resolves (docs/domain.md): <c>annual-weak</c> and <c>findings</c> when the plan is closed;
/// <c>needs-consolidation</c> when it is closed and the two months after its acceptance are Khá or better. Asked when
/// the member closes the plan and by every daily escalation run, which resolves an alert whose months came in later
/// (and repairs a crash between closing the plan and resolving the alert).
/// </summary>
public sealed class PlanClosure(IRemediationStore plans, IScoreStore scores)
{
    public const string PlanClosedReason = "Kế hoạch khắc phục đã hoàn thành / remediation plan closed";
    public const string ConsolidatedReason = "Kế hoạch đã hoàn thành và 2 tháng sau khi chấp nhận đạt Khá trở lên / plan closed, two good months since";

    /// <summary>Why the plan alert <paramref name="alert"/> may resolve now, or null.</summary>
    public async Task<string?> ClearedAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!PlanRules.AsksForPlan(alert.Key.Rule) || (await plans.GetAsync(alert.Key, cancellationToken))?.Plan is not { State: PlanState.Closed } plan)
        {
            return null;
        }

        if (alert.Key.Rule != AlertRules.NeedsConsolidation)
        {
            return PlanClosedReason;
        }

        if (PlanRules.MonthsAfterAcceptance(plan) is not { } months)
        {
            return null;
        }

        var first = await scores.GetAsync(alert.SuperiorId, alert.Key.UnitId, months.First, cancellationToken);
        var second = first is null ? null : await scores.GetAsync(alert.SuperiorId, alert.Key.UnitId, months.Second, cancellationToken);
        return AlertConditions.ConsolidationCleared(first?.Record, second?.Record) ? ConsolidatedReason : null;
    }
}
