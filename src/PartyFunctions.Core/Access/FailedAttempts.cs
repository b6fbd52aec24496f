namespace PartyFunctions.Access;

/// <summary>
/// The wrong codes typed for one unit and any lock: five failures within 15 minutes lock the unit's form for 15
/// minutes. Failures older than the window are dropped, and a lock clears the failures that caused it.
/// </summary>
public sealed record FailedAttempts(IReadOnlyList<DateTimeOffset> Failures, DateTimeOffset? LockedUntil)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    public static readonly FailedAttempts None = new([], null);

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && now < until;

    public bool IsClear => Failures.Count == 0 && LockedUntil is null;

    /// <summary>The state after one more wrong code at <paramref name="now"/>.</summary>
    public FailedAttempts AfterFailure(DateTimeOffset now)
    {
        var recent = Failures.Where(f => now - f < Window).Append(now).ToList();
        return recent.Count >= MaxFailures ? new FailedAttempts([], now + LockDuration) : new FailedAttempts(recent, null);
    }

    public int RemainingAttempts(DateTimeOffset now) => MaxFailures - Failures.Count(f => now - f < Window);
}
