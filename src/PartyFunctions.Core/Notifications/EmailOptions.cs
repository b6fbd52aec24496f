namespace PartyFunctions.Notifications;

/// <summary>The sender address and the administrators' mailbox (app settings Email:From, Email:AdminMailbox).</summary>
public sealed record EmailOptions(string From, string AdminMailbox)
{
    /// <summary>After this many rate-limit postponements a digest counts as failed rather than waiting forever.</summary>
    public int MaxDeferrals { get; init; } = 20;

    /// <summary>
    /// How long one delivery's claim on a digest keeps other deliveries away. It is host.json's functionTimeout (10
    /// minutes): no invocation outlives it, so a claim is taken over only from a delivery that crashed or was stopped.
    /// </summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a digest waits before it looks again whether email is configured (the key set and the app restarted).</summary>
    public TimeSpan NotConfiguredRetryDelay { get; init; } = TimeSpan.FromMinutes(30);
}
