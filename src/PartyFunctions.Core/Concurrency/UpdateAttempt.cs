namespace PartyFunctions.Concurrency;

/// <summary>One round of an <see cref="OptimisticUpdate"/>: its outcome, or a conflict that calls for another round.</summary>
public readonly record struct UpdateAttempt<T>(bool Conflicted, T? Value);

/// <summary>The outcomes of one round, so a round reads as what happened.</summary>
public static class Attempt
{
    /// <summary>Another writer changed the record since it was read: read again and decide again.</summary>
    public static UpdateAttempt<T> Conflict<T>() => new(true, default);

    public static UpdateAttempt<T> Done<T>(T value) => new(false, value);

    /// <summary><paramref name="value"/> when the conditional write succeeded, else a conflict.</summary>
    public static UpdateAttempt<T> DoneIf<T>(bool written, T value) => written ? Done(value) : Conflict<T>();
}
