namespace PartyFunctions.Notifications;

/// <summary>
/// A rendered email, ready for any transport. Categories and custom arguments (rule, run id, digest id)
/// let an operator trace a message in SendGrid's activity feed back to its digest.
/// </summary>
public sealed record EmailMessage(
    string From,
    Recipient To,
    string Subject,
    string Html,
    string Text,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, string> CustomArgs);
