using System.Text.RegularExpressions;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Infra;

/// <summary>
/// infra/names.bicep evaluated by the real compiler for environment names as long as azd accepts (64 letters, digits,
/// hyphens): every name must fit its resource's own rules, and main.bicep must name every resource through it.
/// </summary>
public sealed partial class ResourceNameTests
{
    private const string Rules = "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules";

    /// <summary>uniqueString always answers 13 lower-case letters and digits; its value does not change a name's length.</summary>
    private const string Token = "abcdefghij234";

    /// <summary>Each name's rules (resource-name-rules), as a pattern with the length in it.</summary>
    public static readonly IReadOnlyDictionary<string, Regex> NameRules = new Dictionary<string, Regex>
    {
        ["identity"] = UserAssignedIdentity(), // Microsoft.ManagedIdentity: 3-128, alnum, hyphen, underscore
        ["storage"] = StorageAccount(), // Microsoft.Storage: 3-24 lower-case letters and digits
        ["workspace"] = Workspace(), // Microsoft.OperationalInsights: 4-63, alnum and hyphens, alnum at both ends
        ["insights"] = Insights(), // Microsoft.Insights components: 1-260, no %&\?/ and no trailing dot or space
        ["keyVault"] = KeyVault(), // Microsoft.KeyVault: 3-24, starts with a letter, alnum end, no "--"
        ["plan"] = Plan(), // Microsoft.Web/serverfarms: 1-60
        ["functionApp"] = Site(), // Microsoft.Web/sites: 2-60, alnum and hyphens, no hyphen at either end
        ["actionGroup"] = Insights(), // Microsoft.Insights actionGroups: 1-260, no %&\?/ and no trailing dot or space
        ["alerts"] = AlertRulePrefix(), // Microsoft.Insights scheduledQueryRules: 1-260, none of *<>%{}&:\?/#| (with the longest suffix)
        ["network"] = Network(), // Microsoft.Network virtualNetworks and privateEndpoints: 2-64, alnum _.-, alnum first, alnum or _ last (room for "-queue")
    };

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    [InlineData("party-staging")]
    [InlineData("party-staging-environment")]
    [InlineData("a-very-long-environment-name-cut-here-so-that-everything-fits-64")]
    [InlineData("thirty-one-characters-then-a-hy-phen")]
    public async Task Every_resource_name_fits_its_rules_for_an_environment_name_azd_accepts(string environmentName)
    {
        Assert.InRange(environmentName.Length, 2, 64);
        var names = await NamesAsync(environmentName);

        Assert.Equal(NameRules.Keys.Order(), names.Keys.Order());
        Assert.All(names, n => Assert.True(NameRules[n.Key].IsMatch(n.Value), $"{n.Key} '{n.Value}' ({n.Value.Length} characters) breaks its rules ({Rules})"));
    }

    [Fact]
    public async Task Short_environment_names_keep_the_names_deployments_already_have()
    {
        var names = await NamesAsync("dev");

        Assert.Equal($"func-party-dev-{Token}", names["functionApp"]);
        Assert.Equal($"stparty{Token}", names["storage"]);
        Assert.Equal($"kv-party-{Token}", names["keyVault"]);
        Assert.Equal($"id-party-dev-{Token}", names["identity"]);
    }

    [Fact]
    public async Task Main_names_every_resource_through_names_bicep()
    {
        var template = await CompiledMain.GetAsync();

        var moduleNames = new[] { ("identity", "name", "identity"), ("storage", "name", "storage"), ("monitoring", "workspaceName", "workspace"),
            ("monitoring", "insightsName", "insights"), ("keyvault", "name", "keyVault"), ("functionapp", "planName", "plan"), ("functionapp", "siteName", "functionApp"),
            ("alerts", "actionGroupName", "actionGroup"), ("alerts", "rulePrefix", "alerts"), ("network", "name", "network") };

        Assert.Equal(NameRules.Keys.Order(), moduleNames.Select(m => m.Item3).Distinct().Order());
        foreach (var (module, parameter, name) in moduleNames)
        {
            Assert.Equal($"[variables('names').{name}]", template.ModuleParameters(module)[parameter]!["value"]!.GetValue<string>());
        }

        Assert.Equal("[__bicep.resourceNames(parameters('environmentName'), variables('resourceToken'))]", template.Root["variables"]!["names"]!.GetValue<string>());
        Assert.Equal(64, template.Root["parameters"]!["environmentName"]!["maxLength"]!.GetValue<int>());
    }

    [Fact]
    public void The_rules_refuse_a_name_that_is_too_long()
    {
        Assert.DoesNotMatch(NameRules["functionApp"], "func-" + new string('a', 56));
        Assert.DoesNotMatch(NameRules["storage"], "stparty-" + Token);
        Assert.DoesNotMatch(NameRules["keyVault"], "kv--party");
    }

    /// <summary>Evaluates resourceNames(environmentName, token) through a throw-away parameters file.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> NamesAsync(string environmentName)
    {
        var directory = Directory.CreateTempSubdirectory("names");
        try
        {
            var names = Path.GetRelativePath(directory.FullName, RepoPaths.InRepo("infra", "names.bicep")).Replace('\\', '/');
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "echo.bicep"), "param names object\noutput names object = names\n");
            var file = Path.Combine(directory.FullName, "names.bicepparam");
            await File.WriteAllTextAsync(file, $"using 'echo.bicep'\nimport {{ resourceNames }} from '{names}'\nparam names = resourceNames('{environmentName}', '{Token}')\n");

            var values = await Bicep.ParameterValuesAsync(file, new Dictionary<string, string>());
            return values["names"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$")]
    private static partial Regex UserAssignedIdentity();

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex StorageAccount();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$")]
    private static partial Regex Workspace();

    [GeneratedRegex(@"^[^%&\\?/]{0,259}[^%&\\?/. ]$")]
    private static partial Regex Insights();

    [GeneratedRegex("^(?!.*--)[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$")]
    private static partial Regex KeyVault();

    [GeneratedRegex("^[A-Za-z0-9-]{1,60}$")]
    private static partial Regex Plan();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,56}[A-Za-z0-9_]$")]
    private static partial Regex Network();

    // The prefix leaves room for the longest rule suffix ("-digests-failing", 16 characters).
    [GeneratedRegex(@"^[^*<>%{}&:\\?/#|]{1,244}$")]
    private static partial Regex AlertRulePrefix();

    [GeneratedRegex("^[A-Za-z0-9](?!.*--)[A-Za-z0-9-]{0,58}[A-Za-z0-9]$")]
    private static partial Regex Site();
}
