namespace PartyFunctions.Access;

/// <summary>
/// The wrong codes typed recently, for one unit or for one client: only those within <see cref="Window"/> count, and
/// older ones are dropped whenever the list is saved again. Nothing here locks anything (issue 15: a lock on a unit
/// lets anyone who knows a cell id keep that cell out).
/// </summary>
public sealed record FailedAttempts(IReadOnlyList<DateTimeOffset> Failures)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static readonly FailedAttempts None = new([]);

    public bool IsClear => Failures.Count == 0;

    public int Recent(DateTimeOffset now) => Recent(now, Window);

    /// <summary>The entries younger than <paramref name="within"/>.</summary>
    public int Recent(DateTimeOffset now, TimeSpan within) => Failures.Count(f => now - f < within);

    /// <summary>The recent failures and one more at <paramref name="now"/>.</summary>
    public FailedAttempts With(DateTimeOffset now) => new(Failures.Where(f => now - f < Window).Append(now).ToList());

    /// <summary>The recent failures without one at <paramref name="at"/> (a reservation given back).</summary>
    public FailedAttempts Without(DateTimeOffset at, DateTimeOffset now)
    {
        var recent = Failures.Where(f => now - f < Window).ToList();
        recent.Remove(at);
        return new(recent);
    }

    /// <summary>When the oldest recent failure stops counting.</summary>
    public DateTimeOffset FreeAt(DateTimeOffset now) =>
        Failures.Where(f => now - f < Window).DefaultIfEmpty(now - Window).Min() + Window;
}
