namespace PartyFunctions.Alerts;

/// <summary>One recorded change of an alert: when, by whom (<c>system</c> or the level that acknowledged), what, at which level.</summary>
public sealed record AlertTransition(DateTimeOffset At, string Actor, string Event, int? Level = null, string? Detail = null)
{
    public const string System = "system";
    public const string Opened = "opened";
    public const string Notified = "notified";
    public const string Skipped = "skipped";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
    public const string ResolvedNotice = "resolved-notice";
    public const string Reopened = "reopened";
}
