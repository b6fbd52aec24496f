using System.Collections.Immutable;
using System.Globalization;
using PartyFunctions.Alerts;
using PartyFunctions.Organisation;
using PartyFunctions.Submissions;

namespace PartyFunctions.Remediation;

/// <summary>
/// Which alerts ask for a plan and what a plan answers (docs/domain.md, "Remediation and follow-up"): one place for the
/// rules the use cases, the follow-up run and the pages share.
/// </summary>
public static class PlanRules
{
    /// <summary>A plan not submitted this many days after its alert opened is overdue.</summary>
    public const int DaysToWrite = 30;

    /// <summary>The cell is reminded of an item this many days before its deadline, and on the day.</summary>
    public const int RemindDaysBefore = 3;

    /// <summary>Rules in the order a page prefers them when a unit has more than one plan for a period.</summary>
    public static readonly ImmutableArray<string> Rules = [AlertRules.AnnualWeak, AlertRules.Findings, AlertRules.NeedsConsolidation];

    /// <summary>Where <paramref name="rule"/> stands in <see cref="Rules"/>: lower comes first; a rule asking for no plan comes last.</summary>
    public static int Rank(string rule) => Rules.IndexOf(rule) is var i and >= 0 ? i : int.MaxValue;

    public static bool AsksForPlan(string? rule) => rule is AlertRules.AnnualWeak or AlertRules.NeedsConsolidation or AlertRules.Findings;

    /// <summary>The year whose findings a plan must cover: annual plans only (a consolidation plan answers months).</summary>
    public static int? FindingsYear(AlertKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Rule is AlertRules.AnnualWeak or AlertRules.Findings
            && int.TryParse(key.Period, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
    }

    /// <summary>The year a plan belongs to (a committee's tracker lists it there): its period's year.</summary>
    public static int? YearOf(string? period) =>
        period is { Length: >= 4 } && int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    /// <summary>The two months after the month the plan was accepted: a consolidation plan resolves when both are Khá or better.</summary>
    public static (ScorePeriod First, ScorePeriod Second)? MonthsAfterAcceptance(RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.AcceptedAt is not { } accepted)
        {
            return null;
        }

        var first = ScorePeriod.Of(VietnamDate.DayOf(accepted)).Next;
        return (first, first.Next);
    }

    /// <summary>
    /// Why the plan answering <paramref name="alert"/> is overdue on <paramref name="today"/>, or null: not submitted
    /// <see cref="DaysToWrite"/> days after the alert, or items past their deadline and not closed.
    /// </summary>
    public static string? OverdueReason(Alert alert, RemediationPlan? plan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (plan is null or { State: PlanState.Draft })
        {
            return alert.OpenedOn.AddDays(DaysToWrite) <= today
                ? string.Create(CultureInfo.InvariantCulture, $"Chưa nộp kế hoạch khắc phục sau {DaysToWrite} ngày / no plan submitted after {DaysToWrite} days.")
                : null;
        }

        var late = plan.OverdueItems(today);
        return late.Count == 0 ? null
            : $"Quá hạn nội dung {string.Join(", ", late.Select(i => i.Id))} / items past their deadline: {string.Join(", ", late.Select(i => i.Id))}.";
    }

    /// <summary>Items whose deadline is <see cref="RemindDaysBefore"/> days away or today, for the cell's reminder.</summary>
    public static IReadOnlyList<PlanItem> DueSoon(RemediationPlan plan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.State is PlanState.Draft or PlanState.Closed
            ? []
            : plan.Items.Where(i => i.ClosedAt is null && (i.Due == today || i.Due == today.AddDays(RemindDaysBefore))).ToList();
    }
}
