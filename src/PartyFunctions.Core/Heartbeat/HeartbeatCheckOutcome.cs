using PartyFunctions.Notifications;

namespace PartyFunctions.Heartbeat;

/// <summary>What a heartbeat check found: how many timers it read, the late ones, and the alert digest (null when none is late).</summary>
public sealed record HeartbeatCheckOutcome(int Timers, IReadOnlyList<string> Late, DigestId? Alert)
{
    public override string ToString() =>
        Late.Count == 0 ? $"{Timers} timers, none late" : $"{Timers} timers, late: {string.Join(", ", Late)} (digest {Alert})";
}
