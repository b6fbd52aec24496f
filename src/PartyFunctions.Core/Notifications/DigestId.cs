using System.Security.Cryptography;
using System.Text;

namespace PartyFunctions.Notifications;

/// <summary>
/// A digest is identified by its run and its recipient, so that a run that writes the same digest twice
/// writes one digest. The recipient key is a hash of the address: safe in blob names and storage keys,
/// and no email address appears in queue messages or logs.
/// </summary>
public readonly record struct DigestId(string RunId, string RecipientKey)
{
    public static DigestId For(string runId, string recipientEmail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientEmail);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(recipientEmail.Trim().ToUpperInvariant()));
        return new DigestId(runId, Convert.ToHexStringLower(hash.AsSpan(0, 16)));
    }

    public override string ToString() => $"{RunId}/{RecipientKey}";
}
