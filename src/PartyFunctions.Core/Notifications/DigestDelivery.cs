namespace PartyFunctions.Notifications;

public enum DeliveryStatus
{
    Pending,
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
}
