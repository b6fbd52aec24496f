namespace PartyFunctions.Notifications;

/// <summary>
/// One email's worth of notifications for one recipient from one run (reminders, cut-off, escalation...):
/// the runs write digests to the outbox, the email pipeline renders and sends each exactly once.
/// </summary>
public sealed record Digest(
    DigestId Id,
    Recipient Recipient,
    string Language,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DigestItem> Items)
{
    public const string Vietnamese = "vi";
    public const string English = "en";
}

/// <summary>Who receives a digest: a person, or an office (<paramref name="Office"/>; its name is the unit's).</summary>
public sealed record Recipient(string Email, string? Name = null, bool Office = false);

/// <summary>
/// One line of a digest: what happened to which unit, for which period, and the signed link that lets the
/// reader act (acknowledge, confirm, submit, view). <paramref name="Rule"/> is the alert rule. <paramref name="ViewUrl"/> is
/// a second signed link to the page where the reader looks (the status page, the report, the month's confirm sheet);
/// <paramref name="TrackerUrl"/> a third, to the year's remediation plans (an office's annual report line);
/// <paramref name="DeskUrl"/> the member's desk, on the lines sent to the member assigned to the unit.
/// </summary>
public sealed record DigestItem(
    NotificationKind Kind,
    string UnitId,
    string UnitName,
    string? Period = null,
    string? Rule = null,
    int? Level = null,
    string? Detail = null,
    string? ActionUrl = null,
    string? ViewUrl = null,
    string? TrackerUrl = null,
    string? DeskUrl = null);
