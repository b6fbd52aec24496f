using System.Text.Json.Nodes;

namespace PartyFunctions.IntegrationTests.Infra;

/// <summary>
/// Compiling proves only that a property exists, not that Azure takes it on this plan: Flex Consumption refuses
/// a list of site properties outright (ARM error 51021, "... for Flex Consumption sites is invalid. Please remove or
/// rename it") and ignores or is broken by a list of app settings. Both lists are held here, each entry with where
/// the documentation says so, and the compiled template is held to them.
/// </summary>
public sealed class FlexConsumptionTests
{
    private const string Deprecations = "https://learn.microsoft.com/azure/azure-functions/functions-app-settings#flex-consumption-plan-deprecations";

    /// <summary>Site and siteConfig properties Flex Consumption does not accept, and the documentation of each.</summary>
    public static readonly IReadOnlyDictionary<string, string> RejectedSiteProperties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["alwaysOn"] = Deprecations,
        ["containerSize"] = Deprecations, // renamed instanceMemoryMB
        ["ftpsState"] = Deprecations, // FTPS not supported; FTP is off through basicPublishingCredentialsPolicies
        ["isReserved"] = Deprecations,
        ["reserved"] = Deprecations, // isReserved's spelling on the site resource (the plan's reserved: true is required)
        ["isXenon"] = Deprecations,
        ["javaVersion"] = Deprecations,
        ["linuxFxVersion"] = Deprecations,
        ["netFrameworkVersion"] = Deprecations,
        ["powerShellVersion"] = Deprecations,
        ["functionAppScaleLimit"] = Deprecations, // renamed maximumInstanceCount
        ["preWarmedInstanceCount"] = Deprecations, // renamed alwaysReady
        ["use32BitWorkerProcess"] = Deprecations,
        ["vnetBackupRestoreEnabled"] = Deprecations,
        ["vnetContentShareEnabled"] = Deprecations,
        ["vnetImagePullEnabled"] = Deprecations,
        ["vnetRouteAllEnabled"] = Deprecations,
        ["windowsFxVersion"] = Deprecations,
    };

    /// <summary>App settings Flex Consumption replaced or does not use, and the documentation of each.</summary>
    public static readonly IReadOnlyDictionary<string, string> RejectedAppSettings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ENABLE_ORYX_BUILD"] = Deprecations,
        ["FUNCTIONS_EXTENSION_VERSION"] = Deprecations,
        ["FUNCTIONS_WORKER_RUNTIME"] = Deprecations, // functionAppConfig.runtime.name
        ["FUNCTIONS_WORKER_RUNTIME_VERSION"] = Deprecations, // functionAppConfig.runtime.version
        ["FUNCTIONS_MAX_HTTP_CONCURRENCY"] = Deprecations,
        ["FUNCTIONS_WORKER_PROCESS_COUNT"] = Deprecations,
        ["FUNCTIONS_WORKER_DYNAMIC_CONCURRENCY_ENABLED"] = Deprecations,
        ["SCM_DO_BUILD_DURING_DEPLOYMENT"] = Deprecations,
        ["WEBSITE_CONTENTAZUREFILECONNECTIONSTRING"] = Deprecations,
        ["WEBSITE_CONTENTOVERVNET"] = Deprecations,
        ["WEBSITE_CONTENTSHARE"] = Deprecations,
        ["WEBSITE_DNS_SERVER"] = Deprecations,
        ["WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT"] = Deprecations,
        ["WEBSITE_NODE_DEFAULT_VERSION"] = Deprecations,
        ["WEBSITE_RUN_FROM_PACKAGE"] = Deprecations,
        ["WEBSITE_SKIP_CONTENTSHARE_VALIDATION"] = Deprecations,
        ["WEBSITE_VNET_ROUTE_ALL"] = Deprecations,
    };

    [Fact]
    public async Task The_function_app_sets_no_site_property_Flex_Consumption_rejects()
    {
        var site = (await CompiledMain.GetAsync()).OnlyOfType("Microsoft.Web/sites");

        var names = site.Properties.AsObject().Select(p => p.Key)
            .Concat(site.Properties["siteConfig"]?.AsObject().Select(p => p.Key) ?? []);

        var rejected = names.Where(RejectedSiteProperties.ContainsKey).Select(n => $"{n} ({RejectedSiteProperties[n]})").ToList();
        Assert.True(rejected.Count == 0, $"Flex Consumption rejects: {string.Join(", ", rejected)}");
    }

    [Fact]
    public async Task The_function_app_sets_no_app_setting_Flex_Consumption_rejects()
    {
        var names = await TemplateAppSettingNamesAsync();

        var rejected = names.Where(RejectedAppSettings.ContainsKey).Select(n => $"{n} ({RejectedAppSettings[n]})").ToList();
        Assert.True(rejected.Count == 0, $"Flex Consumption does not use: {string.Join(", ", rejected)}");
    }

    [Fact]
    public void The_rejection_check_sees_a_rejected_property_in_either_place()
    {
        // The check must be able to fail: a site with ftpsState in siteConfig and containerSize on the site.
        var properties = JsonNode.Parse("""{ "containerSize": 1536, "siteConfig": { "ftpsState": "Disabled", "minTlsVersion": "1.2" } }""")!;

        var names = properties.AsObject().Select(p => p.Key).Concat(properties["siteConfig"]!.AsObject().Select(p => p.Key));

        Assert.Equal(["containerSize", "ftpsState"], names.Where(RejectedSiteProperties.ContainsKey).Order());
    }

    private static async Task<IReadOnlyList<string>> TemplateAppSettingNamesAsync()
    {
        var template = await CompiledMain.GetAsync();
        var fromMain = template.ModuleParameters("functionapp")["appSettings"]!["value"]!.AsObject().Select(p => p.Key);
        var platform = template.Module("functionapp")["variables"]!["platformSettings"]!.AsObject().Select(p => p.Key);
        return [.. fromMain, .. platform];
    }
}
