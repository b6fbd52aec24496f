using PartyFunctions.Notifications;

namespace PartyFunctions.Heartbeat;

/// <summary>
/// What a heartbeat check found: how many timers it read, the late ones, the alert digest (null when none is late), and
/// whether email is configured (when not, no alert can leave yet: the check's log is where that shows).
/// </summary>
public sealed record HeartbeatCheckOutcome(int Timers, IReadOnlyList<string> Late, DigestId? Alert)
{
    public bool EmailConfigured { get; init; } = true;

    /// <summary>Worth a warning: a late timer, or alerts that cannot be emailed.</summary>
    public bool NeedsAttention => Late.Count > 0 || !EmailConfigured;

    public override string ToString() =>
        (Late.Count == 0 ? $"{Timers} timers, none late" : $"{Timers} timers, late: {string.Join(", ", Late)} (digest {Alert})")
        + (EmailConfigured ? string.Empty : $"; {EmailStatus.NotConfiguredText}");
}
