using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PartyFunctions.Submissions;

/// <summary>
/// Receipt numbers: the idempotency key of a submission or confirmation, shown to the secretary. The form carries a
/// fresh one from the moment it is opened, so a double click or a retried POST repeats the same receipt; JSON clients
/// may send their own (letters, digits and dashes, 8 to 40) or let the server make one.
/// </summary>
public static partial class ReceiptId
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>16 characters from an alphabet without look-alikes (~79 bits), printed in groups of four.</summary>
    public static string New()
    {
        Span<char> chars = stackalloc char[19];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 5 == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Safe in blob names and table properties, and short enough to read aloud over the phone.</summary>
    public static bool IsValid(string? text) => text is not null && Pattern().IsMatch(text);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{7,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
