using System.Net.Mail;

namespace PartyFunctions.Organisation;

/// <summary>An address as the app accepts it: MailAddress accepts display names and odd forms; we want a bare address with a dotted domain.</summary>
public static class BareEmailAddress
{
    public static bool IsValid(string? text) =>
        text is not null && MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.', StringComparison.Ordinal);
}
