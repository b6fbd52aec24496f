namespace PartyFunctions.Notifications;

/// <summary>What a digest line tells its reader; each kind has its text in every template language.</summary>
public enum NotificationKind
{
    Reminder,
    Overdue,
    WeakMonth,
    NeedsConsolidation,
    AnnualWeak,
    Escalated,
    Repeated,
    Resolved,
    AnnualReportReady,
    PoisonAlert,
    TimerLate,

    /// <summary>Opening line of a <c>findings</c> alert.</summary>
    Findings,

    /// <summary>Opening line of a <c>plan-overdue</c> alert.</summary>
    PlanOverdue,

    /// <summary>To the cell: a plan is asked of it (its plan page).</summary>
    PlanRequired,

    /// <summary>To the cell: the member returned its plan with a comment.</summary>
    PlanReturned,

    /// <summary>To the cell: an item's deadline is in three days, or today.</summary>
    PlanItemDue,

    /// <summary>Opening line of a <c>score-gap</c> alert.</summary>
    ScoreGap,

    /// <summary>To a member: the units they follow not attended yet in the duty period (their desk).</summary>
    AttendanceDue,

    /// <summary>To a committee's office: its members behind on the attendance duty, with their units.</summary>
    AttendanceBehind,
}

/// <summary>What the reader is asked to do; a digest lists its lines grouped by it, most urgent first.</summary>
public enum DigestAction
{
    Submit,

    /// <summary>The cell writes or revises its remediation plan, or finishes an item.</summary>
    Remediate,
    Acknowledge,
    Confirm,

    /// <summary>The member attends the meetings of units they follow (the attendance duty).</summary>
    Attend,
    Investigate,
    Information,
}

public static class NotificationKinds
{
    /// <summary>The one place that decides which action each kind asks for.</summary>
    public static DigestAction ActionOf(NotificationKind kind) => kind switch
    {
        NotificationKind.Reminder => DigestAction.Submit,
        NotificationKind.PlanRequired or NotificationKind.PlanReturned or NotificationKind.PlanItemDue => DigestAction.Remediate,
        NotificationKind.Overdue or NotificationKind.WeakMonth or NotificationKind.NeedsConsolidation
            or NotificationKind.AnnualWeak or NotificationKind.Findings or NotificationKind.PlanOverdue or NotificationKind.Escalated or NotificationKind.Repeated => DigestAction.Acknowledge,
        NotificationKind.AnnualReportReady => DigestAction.Confirm,
        NotificationKind.PoisonAlert or NotificationKind.TimerLate => DigestAction.Investigate,
        NotificationKind.Resolved => DigestAction.Information,
        NotificationKind.ScoreGap => DigestAction.Acknowledge,
        NotificationKind.AttendanceDue => DigestAction.Attend,
        NotificationKind.AttendanceBehind => DigestAction.Information,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
