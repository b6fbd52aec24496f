using System.Text.RegularExpressions;

namespace PartyFunctions.Organisation;

/// <summary>
/// Materialised paths: the ids from the top unit down, joined by <see cref="Separator"/>. The separator sorts
/// below every character an id may hold, so paths in ordinal order list a tree depth first, and the subtree of
/// path P is P itself plus the range [P + "!", P + "\"").
/// </summary>
public static partial class UnitPath
{
    public const char Separator = '!';

    /// <summary>The character right after <see cref="Separator"/>: the exclusive end of a subtree's key range.</summary>
    public const char AfterSeparator = '"';

    public const int MaxIdLength = 64;

    public static string Join(IEnumerable<string> ids) => string.Join(Separator, ids);

    public static string[] Split(string path) => path.Split(Separator);

    public static string Child(string parentPath, string id) => parentPath + Separator + id;

    /// <summary>Office codes: capital letters without diacritics, digits, '.', '-' and '_'; safe in table keys and URLs.</summary>
    public static bool IsValidId(string id) => id.Length <= MaxIdLength && IdPattern().IsMatch(id);

    // \A and \z, not ^ and $: "$" also matches before a final newline, which would let "A\n" through to a table key.
    [GeneratedRegex(@"\A[A-Z0-9][A-Z0-9._-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
