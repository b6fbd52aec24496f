using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Infra;

/// <summary>
/// Issue 15 items 3 and 8, read from the compiled template: administrators' sign-in, diagnostics to Log Analytics,
/// the archive's immutability and the network-isolation switch (docs/security.md).
/// </summary>
public sealed class SecurityBaselineTests
{
    private const string Diagnostics = "Microsoft.Insights/diagnosticSettings";

    [Fact]
    public async Task App_Service_Authentication_signs_administrators_in_with_Entra_ID_and_lets_anonymous_requests_through_to_the_functions()
    {
        var template = await CompiledMain.GetAsync();
        var auth = template.OfType("Microsoft.Web/sites/config").Single(c => c.Name.Contains("authsettingsV2", StringComparison.Ordinal));
        var aad = auth.Properties["identityProviders"]!["azureActiveDirectory"]!;

        Assert.Equal("[not(empty(parameters('adminAppClientId')))]", auth.Node["condition"]!.GetValue<string>());
        Assert.True(auth.Properties["platform"]!["enabled"]!.GetValue<bool>());
        // The cells' form, the links and health are anonymous; each function checks its own credential.
        Assert.False(auth.Properties["globalValidation"]!["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("AllowAnonymous", auth.Properties["globalValidation"]!["unauthenticatedClientAction"]!.GetValue<string>());
        Assert.True(aad["enabled"]!.GetValue<bool>());
        Assert.Equal("[parameters('adminAppClientId')]", aad["registration"]!["clientId"]!.GetValue<string>());
        Assert.Null(aad["registration"]!["clientSecretSettingName"]);
        Assert.Equal("[parameters('adminAppClientId')]", template.ModuleParameters("functionapp")["adminAppClientId"]!["value"]!.GetValue<string>());
        Assert.Equal("", template.Root["parameters"]!["adminAppClientId"]!["defaultValue"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices", "StorageDelete")]
    [InlineData("Microsoft.Storage/storageAccounts/queueServices", "StorageDelete")]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices", "StorageDelete")]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices", "StorageWrite")]
    [InlineData("Microsoft.KeyVault/vaults", "audit")]
    [InlineData("Microsoft.Web/sites", "FunctionAppLogs")]
    public async Task Storage_Key_Vault_and_the_app_send_their_logs_to_Log_Analytics(string scopeType, string category)
    {
        var template = await CompiledMain.GetAsync();
        var setting = template.OfType(Diagnostics).Single(d => d.Scope!.StartsWith($"[resourceId('{scopeType}'", StringComparison.Ordinal));

        Assert.Equal("[parameters('workspaceId')]", setting.Properties["workspaceId"]!.GetValue<string>());
        var logs = setting.Properties["logs"]!;
        if (logs is System.Text.Json.Nodes.JsonValue shared && shared.GetValue<string>() is var text && text.StartsWith("[variables('", StringComparison.Ordinal))
        {
            logs = ArmTemplate.Variable(template.Module(setting.Module), text["[variables('".Length..^"')]".Length]);
        }

        Assert.Contains(logs.AsArray(), l =>
            (l!["category"] ?? l["categoryGroup"])!.GetValue<string>() == category && l["enabled"]!.GetValue<bool>());
        foreach (var module in new[] { "storage", "keyvault", "functionapp" })
        {
            Assert.Contains("'monitoring'", template.ModuleParameters(module)["workspaceId"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.EndsWith(".outputs.workspaceId.value]", template.ModuleParameters(module)["workspaceId"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_submission_archive_is_versioned_and_immutable_for_its_retention_so_not_even_the_app_can_delete_it()
    {
        var template = await CompiledMain.GetAsync();
        var blobService = template.OnlyOfType("Microsoft.Storage/storageAccounts/blobServices");
        var container = template.OnlyOfType("Microsoft.Storage/storageAccounts/blobServices/containers");
        var policy = template.OnlyOfType("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");

        Assert.True(blobService.Properties["isVersioningEnabled"]!.GetValue<bool>());
        Assert.Contains("equals(parameters('containers')[copyIndex()], parameters('archiveContainer'))",
            container.Properties["immutableStorageWithVersioning"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("parameters('archiveContainer')", policy.Name, StringComparison.Ordinal);
        Assert.Equal("[parameters('archiveRetentionDays')]", policy.Properties["immutabilityPeriodSinceCreationInDays"]!.GetValue<string>());
        Assert.False(policy.Properties["allowProtectedAppendWrites"]!.GetValue<bool>());
        Assert.Equal("archive", template.ModuleParameters("storage")["archiveContainer"]!["value"]!.GetValue<string>());
        Assert.True(template.Root["parameters"]!["archiveRetentionDays"]!["defaultValue"]!.GetValue<int>() >= 365);
    }

    [Fact]
    public async Task The_sign_in_throttle_is_forgotten_a_day_after_its_last_write()
    {
        var template = await CompiledMain.GetAsync();
        var rule = template.OnlyOfType("Microsoft.Storage/storageAccounts/managementPolicies").Properties["policy"]!["rules"]!.AsArray().Single()!;

        Assert.Equal("[format('{0}/', parameters('signInClientsContainer'))]", rule["definition"]!["filters"]!["prefixMatch"]![0]!.GetValue<string>());
        Assert.Equal(1, rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!.GetValue<int>());
        Assert.Equal("signin-clients", template.ModuleParameters("storage")["signInClientsContainer"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task One_flag_puts_storage_and_Key_Vault_behind_private_endpoints_and_the_app_in_their_network()
    {
        var template = await CompiledMain.GetAsync();
        var network = template.Resources.Single(r => r.Type == "Microsoft.Resources/deployments" && r.Name == "network");
        var endpoints = template.OfType("Microsoft.Network/privateEndpoints").Single();
        var groups = ArmTemplate.Variable(template.Module("network"), "privateEndpoints").AsArray().Select(e => e!["group"]!.GetValue<string>());

        Assert.False(template.Root["parameters"]!["networkIsolation"]!["defaultValue"]!.GetValue<bool>());
        Assert.Equal("[parameters('networkIsolation')]", network.Node["condition"]!.GetValue<string>());
        Assert.NotNull(endpoints.Node["copy"]);
        Assert.Equal(["blob", "queue", "table", "vault"], groups.Order(StringComparer.Ordinal));
        Assert.Equal("[if(parameters('networkIsolation'), 'Disabled', 'Enabled')]", template.OnlyOfType("Microsoft.Storage/storageAccounts").Properties["publicNetworkAccess"]!.GetValue<string>());
        Assert.Equal("[if(parameters('networkIsolation'), 'Disabled', 'Enabled')]", template.OnlyOfType("Microsoft.KeyVault/vaults").Properties["publicNetworkAccess"]!.GetValue<string>());
        Assert.Contains("appSubnetId", template.ModuleParameters("functionapp")["subnetId"]!.ToJsonString(), StringComparison.Ordinal);
        var subnets = template.OnlyOfType("Microsoft.Network/virtualNetworks").Properties["subnets"]!.AsArray();
        Assert.Contains(subnets, s => s!["properties"]!["delegations"]?[0]?["properties"]?["serviceName"]?.GetValue<string>() == "Microsoft.App/environments");
    }
}
