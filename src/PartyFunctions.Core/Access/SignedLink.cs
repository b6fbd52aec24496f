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

    public string Message => Status switch
    {
        LinkStatus.Valid => "Liên kết hợp lệ / valid link.",
        LinkStatus.Expired => "Liên kết đã hết hạn; hãy dùng liên kết trong email mới nhất / the link has expired.",
        _ => "Liên kết không hợp lệ / the link is not valid.",
    };
}
