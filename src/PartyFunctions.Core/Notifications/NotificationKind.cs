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
    ScoreGap,
}

/// <summary>What the reader is asked to do; a digest lists its lines grouped by it, most urgent first.</summary>
public enum DigestAction
{
    Submit,
    Acknowledge,
    Confirm,
    Investigate,
    Information,
}

public static class NotificationKinds
{
    /// <summary>The one place that decides which action each kind asks for.</summary>
    public static DigestAction ActionOf(NotificationKind kind) => kind switch
    {
        NotificationKind.Reminder => DigestAction.Submit,
        NotificationKind.Overdue or NotificationKind.WeakMonth or NotificationKind.NeedsConsolidation
            or NotificationKind.AnnualWeak or NotificationKind.Escalated or NotificationKind.Repeated => DigestAction.Acknowledge,
        NotificationKind.AnnualReportReady => DigestAction.Confirm,
        NotificationKind.PoisonAlert or NotificationKind.TimerLate => DigestAction.Investigate,
        NotificationKind.Resolved => DigestAction.Information,
        NotificationKind.ScoreGap => DigestAction.Acknowledge,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
