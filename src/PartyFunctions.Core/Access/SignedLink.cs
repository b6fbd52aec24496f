using PartyFunctions.Policy;

namespace PartyFunctions.Access;

/// <summary>
/// What a link in an email lets its holder do: <see cref="Action"/> (e.g. "view", "ack") on the subtree of
/// <see cref="ScopeUnitId"/> until <see cref="ExpiresAt"/>; <see cref="Subject"/> optionally pins one item (an alert).
/// </summary>
public sealed record SignedLink(string Action, string ScopeUnitId, DateTimeOffset ExpiresAt, string? Subject = null);

public enum LinkStatus
{
    Valid,
    Malformed,
    Tampered,
    Expired,
    WrongAction,
}

/// <summary>The result of checking a link token: the link only when <see cref="Status"/> is Valid.</summary>
public sealed record LinkVerification(LinkStatus Status, SignedLink? Link)
{
    public bool IsValid => Status == LinkStatus.Valid;

    public LocalizedText Message => Status switch
    {
        LinkStatus.Valid => new LocalizedText("Liên kết hợp lệ", "Valid link."),
        LinkStatus.Expired => new LocalizedText("Liên kết đã hết hạn; hãy dùng liên kết trong email mới nhất", "The link has expired."),
        _ => new LocalizedText("Liên kết không hợp lệ", "The link is not valid."),
    };
}
