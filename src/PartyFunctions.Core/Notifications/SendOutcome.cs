namespace PartyFunctions.Notifications;

/// <summary>What a mail transport answered. Transient faults are not an outcome: the transport retries them and then throws.</summary>
public abstract record SendOutcome
{
    private SendOutcome()
    {
    }

    /// <summary>The provider took the message; <paramref name="MessageId"/> traces it there.</summary>
    public sealed record Accepted(string MessageId) : SendOutcome;

    /// <summary>The provider asks to come back later: not a failure.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter) : SendOutcome;

    /// <summary>The provider refused this message for good (a bad address, a bad sender): retrying cannot help.</summary>
    public sealed record Rejected(string Reason) : SendOutcome;

    /// <summary>No provider to send with yet (no SendGrid key): the message waits, which is neither a failure nor a deferral.</summary>
    public sealed record NotConfigured : SendOutcome;
}
