namespace PartyFunctions.Heartbeat;

/// <summary>
/// Whether one timer is late. It is late when the first run its schedule asked for after its last success (or,
/// if it never succeeded, after a check first noticed it) is more than <see cref="Grace"/> in the past: a missed
/// firing, a firing that threw, or a disabled function all look the same. A schedule that cannot be read makes the
/// timer due at once: the host would not run it either.
/// </summary>
public sealed record TimerStatus(string Timer, DateTimeOffset? LastSuccessAt, DateTimeOffset? FirstSeenAt, DateTimeOffset? DueBy, bool Late)
{
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public static TimerStatus Of(TimerSchedule schedule, HeartbeatRecord? record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var baseline = record?.LastSuccessAt ?? record?.FirstSeenAt;
        if (baseline is not { } since)
        {
            // Never seen: this notice becomes its baseline, so it cannot be late yet.
            return new TimerStatus(schedule.Timer, null, null, null, false);
        }

        var due = schedule.NextAfter(since) ?? since;
        return new TimerStatus(schedule.Timer, record!.LastSuccessAt, record.FirstSeenAt, due, now > due + Grace);
    }
}
