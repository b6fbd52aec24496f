namespace PartyFunctions.Notifications;

public enum DeliveryStatus
{
    Pending,

    /// <summary>Claimed by one delivery that is sending it now; <see cref="DigestDelivery.At"/> is when the claim was taken.</summary>
    Sending,
    Sent,
    Failed,
}

/// <summary>
/// Delivery state of a digest. <see cref="AdministratorsAlerted"/> keeps the administrators' alert to one
/// per failed digest however often its failure is reported.
/// </summary>
public sealed record DigestDelivery(
    DeliveryStatus Status,
    string? MessageId = null,
    DateTimeOffset? At = null,
    string? FailureReason = null,
    bool AdministratorsAlerted = false)
{
    public static DigestDelivery Pending { get; } = new(DeliveryStatus.Pending);

    /// <summary>A claim taken at <paramref name="at"/>: other deliveries leave the digest alone until it is older than the lease.</summary>
    public static DigestDelivery Claimed(DateTimeOffset at) => new(DeliveryStatus.Sending, At: at);

    /// <summary>When a claim taken now may be taken over: never for a state that is not a claim.</summary>
    public DateTimeOffset? ClaimExpires(TimeSpan lease) => Status == DeliveryStatus.Sending && At is { } at ? at + lease : null;
}
