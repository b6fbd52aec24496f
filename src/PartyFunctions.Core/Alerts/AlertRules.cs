using PartyFunctions.Notifications;

namespace PartyFunctions.Alerts;

/// <summary>The alert rules of docs/domain.md and the digest line each one opens with.</summary>
public static class AlertRules
{
    public const string Overdue = "overdue";
    public const string WeakMonth = "weak-month";
    public const string NeedsConsolidation = "needs-consolidation";
    public const string AnnualWeak = "annual-weak";
    public const string ScoreGap = "score-gap";

    /// <summary>The superior pointed out shortcomings for a unit that is not weak: it must write a plan too (period yyyy).</summary>
    public const string Findings = "findings";

    /// <summary>A plan not written within 30 days of its alert, or with items past their deadline (period: the plan's).</summary>
    public const string PlanOverdue = "plan-overdue";

    private static readonly Dictionary<string, NotificationKind> Kinds = new(StringComparer.Ordinal)
    {
        [Overdue] = NotificationKind.Overdue,
        [WeakMonth] = NotificationKind.WeakMonth,
        [NeedsConsolidation] = NotificationKind.NeedsConsolidation,
        [AnnualWeak] = NotificationKind.AnnualWeak,
        [Findings] = NotificationKind.Findings,
        [PlanOverdue] = NotificationKind.PlanOverdue,
        [ScoreGap] = NotificationKind.ScoreGap,
    };

    /// <summary>Rules whose first step is the direct superior's office, not the assigned member (who may be the observer).</summary>
    public static bool StartsAtOffice(string rule) => rule == ScoreGap;

    public static bool IsKnown(string? rule) => rule is not null && Kinds.ContainsKey(rule);

    /// <summary>The kind of the first notification of an alert (level 1); later steps are Escalated or Repeated.</summary>
    public static NotificationKind OpeningKind(string rule) =>
        Kinds.TryGetValue(rule, out var kind) ? kind : throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown alert rule.");
}
