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
/// per failed digest however often its failure is reported; <see cref="Claim"/> names the delivery sending it.
/// </summary>
public sealed record DigestDelivery(
    DeliveryStatus Status,
    string? MessageId = null,
    DateTimeOffset? At = null,
    string? FailureReason = null,
    bool AdministratorsAlerted = false,
    string? Claim = null)
{
    public static DigestDelivery Pending { get; } = new(DeliveryStatus.Pending);

    /// <summary>
    /// A claim taken at <paramref name="at"/> by the delivery that drew <paramref name="token"/>: other deliveries leave the
    /// digest alone until it is older than the lease; the token lets its taker recognise it when the write's answer was lost.
    /// </summary>
    public static DigestDelivery Claimed(DateTimeOffset at, string token) => new(DeliveryStatus.Sending, At: at, Claim: token);

    /// <summary>When a claim taken now may be taken over: never for a state that is not a claim.</summary>
    public DateTimeOffset? ClaimExpires(TimeSpan lease) => Status == DeliveryStatus.Sending && At is { } at ? at + lease : null;
}
