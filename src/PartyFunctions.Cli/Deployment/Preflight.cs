using System.Text.RegularExpressions;
using PartyFunctions.Access;
using PartyFunctions.Heartbeat;
using PartyFunctions.Organisation;

namespace PartyFunctions.Cli.Deployment;

/// <summary>
/// What `azd up` would otherwise find out half-way: the parameters main.bicepparam will get, checked offline with the
/// app's own rules (the signing key as the app loads it, addresses as imports accept them, schedules as the heartbeat
/// reads them), the environment name azd and names.bicep need, the region and the .NET version for Flex Consumption.
/// </summary>
public sealed partial class Preflight(ParametersFile parameters, string infraDirectory, string repositoryRoot)
{
    /// <summary>Placeholders people paste from examples; a real key is random.</summary>
    private static readonly string[] PlaceholderWords = ["placeholder", "changeme", "change-me", "your", "example", "xxxx", "<", ">"];

    private static readonly string[] Schedules = ["PARTY_SCHEDULE_REMINDERS", "PARTY_SCHEDULE_CUTOFF", "PARTY_SCHEDULE_ESCALATION", "PARTY_SCHEDULE_ANNUAL"];

    public IReadOnlyList<PreflightCheck> Run() =>
    [
        SigningKey("PARTY_LINK_SIGNING_KEY", required: true),
        SigningKey("PARTY_PREVIOUS_LINK_SIGNING_KEY", required: false),
        Address("PARTY_SENDER_ADDRESS"),
        Address("PARTY_ADMIN_MAILBOX"),
        .. Schedules.Select(Schedule),
        EnvironmentName(),
        OneOf("AZURE_PRINCIPAL_TYPE", "User", "ServicePrincipal", "Group"),
        OneOf("PARTY_EMAIL_SINK", "sendgrid", "none"),
        OneOf("PARTY_KEYVAULT_PURGE_PROTECTION", "", "true", "false"),
        OneOf("PARTY_NETWORK_ISOLATION", "", "true", "false"),
        Region(),
        DotNetVersion(),
    ];

    private PreflightCheck SigningKey(string variable, bool required)
    {
        var value = parameters.Value(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return new(variable, !required, required ? "missing: `azd env set " + variable + " \"$(openssl rand -base64 32)\"`" : "empty (no rotation under way)");
        }

        try
        {
            _ = LinkSigningKey.ForHost(value, null, inAzure: true);
        }
        catch (InvalidOperationException ex)
        {
            return new(variable, false, ex.Message.Replace(LinkSigningKey.Setting, variable, StringComparison.Ordinal));
        }

        var bytes = Convert.FromBase64String(value.Trim());
        return PlaceholderWords.Any(w => value.Contains(w, StringComparison.OrdinalIgnoreCase)) || bytes.Distinct().Count() < 8
            ? new(variable, false, "looks like a placeholder, not random bytes: `openssl rand -base64 32`")
            : new(variable, true, $"base64, {bytes.Length} bytes");
    }

    private PreflightCheck Address(string variable)
    {
        var value = parameters.Value(variable);
        if (!BareEmailAddress.IsValid(value))
        {
            return new(variable, false, $"'{value}' is not an email address");
        }

        return value!.EndsWith("@example.org", StringComparison.OrdinalIgnoreCase) || value.EndsWith("@example.com", StringComparison.OrdinalIgnoreCase)
            ? new(variable, false, $"'{value}' is the template's default: set the office's address")
            : new(variable, true, value);
    }

    private PreflightCheck Schedule(string variable)
    {
        var value = parameters.Value(variable);
        return new TimerSchedule(variable, value).NextAfter(DateTimeOffset.UtcNow) is { } next
            ? new(variable, true, $"'{value}' (UTC), next {next:yyyy-MM-dd HH:mm} UTC")
            : new(variable, false, $"'{value}' is not an NCRONTAB schedule the host can read (6 fields with seconds, in UTC)");
    }

    /// <summary>azd's rule: letters, digits and hyphens, at most 64; names.bicep keeps every resource name within its limits for those.</summary>
    private PreflightCheck EnvironmentName()
    {
        const string Variable = "AZURE_ENV_NAME";
        var value = parameters.Value(Variable) ?? string.Empty;
        return AzdEnvironmentName().IsMatch(value)
            ? new(Variable, true, $"'{value}'; resource names carry '{value[..Math.Min(32, value.Length)].TrimEnd('-')}' and fit their limits (infra/names.bicep)")
            : new(Variable, false, $"'{value}': 2 to 64 letters, digits and hyphens");
    }

    private PreflightCheck OneOf(string variable, params string[] allowed)
    {
        var value = parameters.Value(variable) ?? string.Empty;
        return allowed.Contains(value, StringComparer.Ordinal)
            ? new(variable, true, value.Length == 0 ? "(default)" : value)
            : new(variable, false, $"'{value}': one of {string.Join(", ", allowed.Where(a => a.Length > 0))}");
    }

    private PreflightCheck Region()
    {
        const string Variable = "AZURE_LOCATION";
        var value = parameters.Value(Variable) ?? string.Empty;
        return FlexRegions.Known.Contains(value)
            ? new(Variable, true, $"{value} offers Flex Consumption; confirm online: {FlexRegions.ListCommand}")
            : new(Variable, false, $"'{value}' is not a Flex Consumption region known offline; if `{FlexRegions.ListCommand}` lists it, it is fine");
    }

    /// <summary>The runtime the template asks for must be the framework the app is built for.</summary>
    private PreflightCheck DotNetVersion()
    {
        const string Name = ".NET version";
        var template = File.ReadAllText(Path.Combine(infraDirectory, "modules", "functionapp.bicep"));
        var build = File.ReadAllText(Path.Combine(repositoryRoot, "Directory.Build.props"));
        var runtime = RuntimeVersion().Match(template).Groups["version"].Value;
        var framework = TargetFramework().Match(build).Groups["version"].Value;
        var region = parameters.Value("AZURE_LOCATION") ?? "<region>";
        return runtime.Length > 0 && runtime == framework
            ? new(Name, true, $"dotnet-isolated {runtime}, the app is built for net{framework}; confirm online: {FlexRegions.RuntimesCommand(region)}")
            : new(Name, false, $"the template asks for dotnet-isolated '{runtime}' but the app is built for net{framework}");
    }

    [GeneratedRegex("^[A-Za-z0-9-]{2,64}$")]
    private static partial Regex AzdEnvironmentName();

    [GeneratedRegex(@"name: 'dotnet-isolated'\s+version: '(?<version>[\d.]+)'")]
    private static partial Regex RuntimeVersion();

    [GeneratedRegex(@"<TargetFramework>net(?<version>[\d.]+)</TargetFramework>")]
    private static partial Regex TargetFramework();
}
