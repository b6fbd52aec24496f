namespace PartyFunctions.Notifications;

/// <summary>The sender address and the administrators' mailbox (app settings Email:From, Email:AdminMailbox).</summary>
public sealed record EmailOptions(string From, string AdminMailbox)
{
    /// <summary>After this many rate-limit postponements a digest counts as failed rather than waiting forever.</summary>
    public int MaxDeferrals { get; init; } = 20;
}
