using System.Text.RegularExpressions;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Infra;

/// <summary>What infra/main.bicepparam reads from the environment, read from its text (top-level param and var statements).</summary>
internal static partial class ParameterReads
{
    /// <summary>Each environment variable the file reads, and the parameter it ends up in (through a var when there is one).</summary>
    public static IReadOnlyDictionary<string, string> ParameterByVariable()
    {
        var statements = Statements();
        var result = new Dictionary<string, string>();
        foreach (var (kind, name, body) in statements)
        {
            foreach (Match read in EnvironmentRead().Matches(body))
            {
                var variable = read.Groups["variable"].Value;
                result[variable] = kind == "param"
                    ? name
                    : statements.First(s => s.Kind == "param" && Regex.IsMatch(s.Body, $@"\b{name}\b")).Name;
            }
        }

        return result;
    }

    /// <summary>Environment variables read without a default: the file does not build without them.</summary>
    public static IReadOnlyList<string> RequiredVariables() =>
        Statements().SelectMany(s => EnvironmentRead().Matches(s.Body))
            .Where(m => !m.Groups["default"].Success)
            .Select(m => m.Groups["variable"].Value)
            .ToList();

    private static List<(string Kind, string Name, string Body)> Statements()
    {
        var text = File.ReadAllText(RepoPaths.InRepo("infra", "main.bicepparam"));
        return Statement().Matches(text).Select(m => (m.Groups["kind"].Value, m.Groups["name"].Value, m.Groups["body"].Value)).ToList();
    }

    [GeneratedRegex(@"^(?<kind>param|var) (?<name>\w+) = (?<body>.*?)(?=^(param|var|//) |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Statement();

    [GeneratedRegex(@"readEnvironmentVariable\('(?<variable>\w+)'(?<default>\s*,)?")]
    private static partial Regex EnvironmentRead();
}
