using System.Security.Cryptography;

namespace PartyFunctions.Access;

/// <summary>
/// Cell access codes: 12 characters drawn by a CSPRNG from 31 letters and digits with no look-alikes (no 0/O,
/// 1/I/L), about 59 bits. Shown as three groups of four; typed in any case, with or without spaces or dashes.
/// </summary>
public static class AccessCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 12;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>How a code is printed for people: ABCD-EFGH-JKMN.</summary>
    public static string Display(string code) => string.Join('-', code.Chunk(4).Select(c => new string(c)));

    /// <summary>What the secretary typed, reduced to the code's characters: upper case, no spaces or dashes.</summary>
    public static string Normalise(string? typed) =>
        new((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
}
