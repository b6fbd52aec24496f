using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PartyFunctions.Presentation;

/// <summary>
/// The inline scripts the templates hold, as Content-Security-Policy hashes (<c>'sha256-…'</c>). Read from the embedded
/// templates themselves, never from a rendered page, so the policy trusts what the templates say and nothing a page
/// might echo; a script with Liquid inside it renders differently from its template and is blocked (no template needs
/// one: the pages work without scripts, which only add comforts such as the form's running total).
/// </summary>
public static partial class InlineScripts
{
    public static IReadOnlyList<string> Hashes { get; } = Read();

    private static List<string> Read()
    {
        var assembly = typeof(InlineScripts).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".liquid", StringComparison.Ordinal))
            .SelectMany(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return ScriptPattern().Matches(reader.ReadToEnd()).Select(m => m.Groups[1].Value).ToList();
            })
            .Where(script => !script.Contains("{{", StringComparison.Ordinal) && !script.Contains("{%", StringComparison.Ordinal))
            .Select(script => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script))) + "'")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptPattern();
}
