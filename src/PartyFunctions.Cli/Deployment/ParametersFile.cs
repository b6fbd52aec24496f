using System.Text.RegularExpressions;

namespace PartyFunctions.Cli.Deployment;

/// <summary>
/// infra/main.bicepparam as `azd up` will evaluate it: each environment variable it reads, with the default written in
/// the file, resolved against the current environment. Read from the file, so the defaults are never written twice.
/// </summary>
public sealed partial class ParametersFile
{
    private readonly Dictionary<string, string?> defaults;
    private readonly Func<string, string?> environment;

    private ParametersFile(string path, Dictionary<string, string?> defaults, Func<string, string?> environment)
    {
        Path = path;
        this.defaults = defaults;
        this.environment = environment;
    }

    public string Path { get; }

    /// <summary>The environment variables the file reads.</summary>
    public IReadOnlyCollection<string> Variables => defaults.Keys;

    public static ParametersFile Read(string path, Func<string, string?> environment)
    {
        var text = File.ReadAllText(path);
        var defaults = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (Match read in EnvironmentRead().Matches(text))
        {
            defaults[read.Groups["name"].Value] = read.Groups["default"].Success ? read.Groups["default"].Value : null;
        }

        return new ParametersFile(path, defaults, environment);
    }

    /// <summary>The value the file gets: the environment's (even empty), else the file's default; null when neither exists.</summary>
    public string? Value(string variable) =>
        environment(variable) ?? (defaults.TryGetValue(variable, out var value) ? value : throw new ArgumentException($"{Path} does not read {variable}.", nameof(variable)));

    /// <summary>True when the value comes from the file's default rather than from the environment.</summary>
    public bool IsDefault(string variable) => environment(variable) is null;

    [GeneratedRegex(@"readEnvironmentVariable\('(?<name>\w+)'(\s*,\s*'(?<default>[^']*)')?\)")]
    private static partial Regex EnvironmentRead();
}
