using System.Security.Cryptography;
using System.Text;

namespace PartyFunctions.Access;

/// <summary>
/// A client's address as the app keeps it: HMAC-SHA256 under a key derived from the link-signing key, so that the
/// stored value tells repeated clients apart but cannot be turned back into an address (all IPv4 addresses can be
/// hashed in minutes, so a plain hash would hide nothing). The address itself is the one the platform set
/// (<c>HttpContext.Connection.RemoteIpAddress</c>), never a header the client chose.
/// </summary>
public sealed class ClientAddresses(LinkSigningKey key)
{
    /// <summary>Clients whose address is not known share one budget: they are throttled together, never waved through.</summary>
    public const string Unknown = "unknown";

    private readonly byte[] hashKey = key.Derive("client-address");

    public string Hash(string? address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(string.IsNullOrWhiteSpace(address) ? Unknown : address)))[..32];
}
