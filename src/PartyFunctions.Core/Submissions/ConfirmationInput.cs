namespace PartyFunctions.Submissions;

/// <summary>
/// The superior's confirmation form: the signed link, the month, the points it confirms or corrects (criterion key to
/// the text typed), why it corrected them, its name, the version of the score it was shown, and a receipt id.
/// <see cref="AdoptObserved"/> names an observed score of the month to adopt instead (the observer's
/// <see cref="Attendance.MemberKey"/>); the points typed are then not read.
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
    string ClientIpHash,
    string? AdoptObserved = null);
