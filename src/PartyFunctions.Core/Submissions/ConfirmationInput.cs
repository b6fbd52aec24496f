namespace PartyFunctions.Submissions;

/// <summary>
/// The superior's confirmation form: the signed link, the month, the points it confirms or corrects (criterion key to
/// the text typed), why it corrected them, its name, the version of the score it was shown, and a receipt id.
/// </summary>
public sealed record ConfirmationInput(
    string? Link,
    string UnitId,
    string? Period,
    IReadOnlyDictionary<string, string?> Points,
    string? Reason,
    string? ConfirmerName,
    string? ShownVersion,
    string? ReceiptId,
    string ClientIpHash);
