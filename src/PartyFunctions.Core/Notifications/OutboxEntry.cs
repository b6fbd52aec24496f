namespace PartyFunctions.Notifications;

/// <summary>A digest as stored, its delivery state, and the version tag that guards updates.</summary>
public sealed record OutboxEntry(Digest Digest, DigestDelivery Delivery, string ETag);
