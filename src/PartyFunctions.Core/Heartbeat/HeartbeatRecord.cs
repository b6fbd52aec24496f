namespace PartyFunctions.Heartbeat;

/// <summary>
/// What the Heartbeats table holds for one timer: when it last completed without throwing, and when a check first
/// noticed it without any success (the baseline of a timer that never ran since deployment).
/// </summary>
public sealed record HeartbeatRecord(string Timer, DateTimeOffset? LastSuccessAt, DateTimeOffset? FirstSeenAt);
