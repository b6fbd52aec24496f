using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace PartyFunctions.Access;

/// <summary>
/// Signs and verifies the links in emails: token = base64url(JSON payload) "." base64url(HMAC-SHA256(key, payload)).
/// The key comes from configuration (<see cref="LinkSigningKey"/>); the token is opaque to its holder but not secret
/// (it is in a URL), so it carries no personal data.
/// </summary>
public sealed class LinkSigner(LinkSigningKey key, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Sign(SignedLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new Payload(link.Action, link.ScopeUnitId, link.ExpiresAt.ToUnixTimeSeconds(), link.Subject), Json);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(key.Mac(payload));
    }

    /// <summary>Valid only when the signature matches, the link has not expired and it grants <paramref name="action"/>.</summary>
    public LinkVerification Verify(string? token, string action)
    {
        var parts = (token ?? string.Empty).Split('.');
        if (parts.Length != 2 || !TryDecode(parts[0], out var payload) || !TryDecode(parts[1], out var mac))
        {
            return new LinkVerification(LinkStatus.Malformed, null);
        }

        // The signature is checked before the payload is even parsed: nothing unsigned is trusted.
        if (!key.Verifies(payload, mac))
        {
            return new LinkVerification(LinkStatus.Tampered, null);
        }

        Payload? body;
        try
        {
            body = JsonSerializer.Deserialize<Payload>(payload, Json);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is not { A: { } a, U: { } u })
        {
            return new LinkVerification(LinkStatus.Malformed, null);
        }

        var link = new SignedLink(a, u, DateTimeOffset.FromUnixTimeSeconds(body.E), body.S);
        return clock.GetUtcNow() >= link.ExpiresAt ? new LinkVerification(LinkStatus.Expired, null)
            : !string.Equals(link.Action, action, StringComparison.Ordinal) ? new LinkVerification(LinkStatus.WrongAction, null)
            : new LinkVerification(LinkStatus.Valid, link);
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        // TryDecodeFromChars throws, rather than answering false, on characters outside the alphabet.
        if (text.Length > 0 && Base64Url.IsValid(text) && Base64Url.TryDecodeFromChars(text, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }

    private sealed record Payload(string? A, string? U, long E, string? S);
}

/// <summary>
/// The HMAC keys for signed links, from the settings <c>Links:SigningKey</c> (app setting <c>Links__SigningKey</c>),
/// which signs and verifies, and the optional <c>Links:PreviousSigningKey</c>, which only verifies: after a rotation,
/// links already sent keep working until they expire (at most 60 days). Each is base64, at least 32 bytes. There is
/// deliberately no default: a missing key is a configuration error.
/// </summary>
public sealed class LinkSigningKey
{
    public const string Setting = "Links:SigningKey";
    public const string PreviousSetting = "Links:PreviousSigningKey";
    public const int MinBytes = 32;

    /// <summary>
    /// Keys published in this repository (local.settings.json.example, the demo): anyone can sign links with them, so
    /// they are refused wherever the app runs in Azure (<see cref="ForHost"/>).
    /// </summary>
    public static readonly IReadOnlySet<string> PublishedKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "bG9jYWwtb25seS1saW5rLXNpZ25pbmcta2V5LW5vdC1mb3ItYXp1cmU=",
        "ZGVtby1vbmx5LWxpbmstc2lnbmluZy1rZXktbm90LWZvci1henVyZQ==",
    };

    private readonly byte[] key;
    private readonly byte[]? previous;

    public LinkSigningKey(string? base64, string? previousBase64 = null)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw new InvalidOperationException(
                $"Signed links need a key: set {Setting} (app setting Links__SigningKey) to at least {MinBytes} random bytes in base64, " +
                "e.g. `openssl rand -base64 32`; in Azure, a Key Vault reference.");
        }

        key = Decode(base64, Setting);
        previous = string.IsNullOrWhiteSpace(previousBase64) ? null : Decode(previousBase64, PreviousSetting);
    }

    /// <summary>The keys as the app reads them; in Azure (<paramref name="inAzure"/>) a published key is a configuration error.</summary>
    public static LinkSigningKey ForHost(string? base64, string? previousBase64, bool inAzure)
    {
        if (inAzure && (PublishedKeys.Contains(base64?.Trim() ?? string.Empty) || PublishedKeys.Contains(previousBase64?.Trim() ?? string.Empty)))
        {
            throw new InvalidOperationException(
                $"{Setting} is a key published in the repository (local.settings.json.example or the demo) and is refused in Azure: " +
                "generate one with `openssl rand -base64 32` and set it in Key Vault (docs/deploy.md).");
        }

        return new LinkSigningKey(base64, previousBase64);
    }

    internal byte[] Mac(byte[] payload) => HMACSHA256.HashData(key, payload);

    /// <summary>A key for another purpose (HKDF over the current key), so that one secret serves both without mixing them.</summary>
    internal byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: System.Text.Encoding.UTF8.GetBytes("party/" + purpose));

    /// <summary>True when <paramref name="mac"/> was made with the current or the previous key.</summary>
    internal bool Verifies(byte[] payload, byte[] mac) =>
        CryptographicOperations.FixedTimeEquals(Mac(payload), mac)
        | (previous is not null && CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(previous, payload), mac));

    public override string ToString() => "LinkSigningKey(***)";

    private static byte[] Decode(string base64, string setting)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} is not base64.");
        }

        return bytes.Length >= MinBytes
            ? bytes
            : throw new InvalidOperationException($"{setting} is too short: {bytes.Length} bytes, at least {MinBytes} needed.");
    }
}
