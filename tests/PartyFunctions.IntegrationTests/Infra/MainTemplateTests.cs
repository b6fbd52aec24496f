using System.Text.Json.Nodes;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Infra;

public sealed class MainTemplateTests
{
    private const string StorageScope = "Microsoft.Storage/storageAccounts";
    private const string VaultScope = "Microsoft.KeyVault/vaults";
    private const string InsightsScope = "Microsoft.Insights/components";

    [Fact]
    public async Task Storage_accepts_only_identities_over_TLS_1_2_and_no_anonymous_blobs()
    {
        var account = (await CompiledMain.GetAsync()).OnlyOfType(StorageScope).Properties;

        Assert.False(account["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(account["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", account["minimumTlsVersion"]!.GetValue<string>());
        Assert.True(account["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("Standard_LRS", (await CompiledMain.GetAsync()).Root["parameters"]!["storageSku"]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Storage_creates_every_container_queue_and_table_the_code_uses()
    {
        var template = await CompiledMain.GetAsync();
        var names = ArmTemplate.Variable(template.Root, "storageNames");

        Assert.Equal(StorageNames.Containers.Order(), Strings(names["containers"]).Order());
        Assert.Equal(StorageNames.Queues.Order(), Strings(names["queues"]).Order());
        Assert.Equal(StorageNames.Tables.Order(), Strings(names["tables"]).Order());
        var storage = template.ModuleParameters("storage");
        Assert.Contains("variables('storageNames').containers", storage["containers"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("variables('storageNames').queues", storage["queues"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("variables('storageNames').tables", storage["tables"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var type in new[] { "blobServices/containers", "queueServices/queues", "tableServices/tables" })
        {
            Assert.NotNull(template.OnlyOfType($"{StorageScope}/{type}").Node["copy"]);
        }
    }

    [Fact]
    public async Task Key_Vault_uses_RBAC_and_soft_delete_and_purge_protection_only_when_asked()
    {
        var template = await CompiledMain.GetAsync();
        var vault = template.OnlyOfType(VaultScope).Properties;

        Assert.True(vault["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(vault["enableSoftDelete"]!.GetValue<bool>());
        Assert.Null(vault["accessPolicies"]);
        // Omitted, never false, when off: ARM refuses false on a vault that once had it on.
        Assert.Equal("[if(parameters('purgeProtection'), true(), null())]", vault["enablePurgeProtection"]!.GetValue<string>());
        Assert.Equal("[parameters('keyVaultPurgeProtection')]", template.ModuleParameters("keyvault")["purgeProtection"]!["value"]!.GetValue<string>());
        // Off by default so that `azd down` then `azd up` of a dev environment can reuse the vault's name.
        Assert.False(template.Root["parameters"]!["keyVaultPurgeProtection"]!["defaultValue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Function_app_runs_dotnet_isolated_10_on_Flex_Consumption_over_HTTPS_without_FTP()
    {
        var template = await CompiledMain.GetAsync();
        var plan = template.OnlyOfType("Microsoft.Web/serverfarms").Node;
        var site = template.OnlyOfType("Microsoft.Web/sites");
        var config = site.Properties["functionAppConfig"]!;

        Assert.Equal("FC1", plan["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan["sku"]!["tier"]!.GetValue<string>());
        Assert.Equal("functionapp,linux", site.Node["kind"]!.GetValue<string>());
        Assert.True(site.Properties["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", site.Properties["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("dotnet-isolated", config["runtime"]!["name"]!.GetValue<string>());
        Assert.Equal("10.0", config["runtime"]!["version"]!.GetValue<string>());
        Assert.Equal("[parameters('instanceMemoryMB')]", config["scaleAndConcurrency"]!["instanceMemoryMB"]!.GetValue<string>());
        Assert.Equal("[parameters('maximumInstanceCount')]", config["scaleAndConcurrency"]!["maximumInstanceCount"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", config["deployment"]!["storage"]!["authentication"]!["type"]!.GetValue<string>());
        Assert.Equal("UserAssigned", site.Node["identity"]!["type"]!.GetValue<string>());
        Assert.NotNull(site.Properties["keyVaultReferenceIdentity"]);
        var policies = template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p.Properties["allow"]!.GetValue<bool>()));
        var main = template.Root["parameters"]!;
        Assert.Equal(2048, main["instanceMemoryMB"]!["defaultValue"]!.GetValue<int>());
        Assert.Equal(100, main["maximumInstanceCount"]!["defaultValue"]!.GetValue<int>());
    }

    [Fact]
    public async Task Host_storage_connection_is_identity_based_with_no_account_key_anywhere()
    {
        var template = await CompiledMain.GetAsync();
        var platform = template.Module("functionapp")["variables"]!["platformSettings"]!.AsObject();

        Assert.Equal("managedidentity", platform["AzureWebJobsStorage__credential"]!.GetValue<string>());
        foreach (var key in new[] { "clientId", "blobServiceUri", "queueServiceUri", "tableServiceUri" })
        {
            Assert.True(platform.ContainsKey($"AzureWebJobsStorage__{key}"), key);
        }

        Assert.False(platform.ContainsKey("AzureWebJobsStorage"));
        var json = template.Root.ToJsonString();
        Assert.DoesNotContain("listKeys(", json, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey=", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", StorageScope)] // Storage Blob Data Owner
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", StorageScope)] // Storage Queue Data Contributor
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", StorageScope)] // Storage Table Data Contributor
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", VaultScope)] // Key Vault Secrets User
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", InsightsScope)] // Monitoring Metrics Publisher
    public async Task The_app_identity_has_each_data_role_on_the_one_resource_that_needs_it(string roleId, string scopeType)
    {
        var template = await CompiledMain.GetAsync();
        var roleName = ArmTemplate.Variable(template.Module("roles"), "roles").AsObject()
            .Single(r => r.Value!.GetValue<string>() == roleId).Key;
        var assignment = template.OfType("Microsoft.Authorization/roleAssignments")
            .Single(r => r.Properties["roleDefinitionId"]!.GetValue<string>().Contains($"variables('roles').{roleName})", StringComparison.Ordinal));

        Assert.StartsWith($"[resourceId('{scopeType}'", assignment.Scope, StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", assignment.Properties["principalType"]!.GetValue<string>());
        Assert.Equal("[parameters('principalId')]", assignment.Properties["principalId"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_broad_role_is_assigned_and_nothing_is_scoped_to_the_resource_group()
    {
        // Owner, Contributor, User Access Administrator.
        string[] broad = ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"];
        var template = await CompiledMain.GetAsync();

        var assignments = template.OfType("Microsoft.Authorization/roleAssignments").ToList();
        var roleIds = ArmTemplate.Variable(template.Module("roles"), "roles").AsObject().Select(r => r.Value!.GetValue<string>());

        Assert.Equal(6, assignments.Count);
        Assert.All(assignments, a => Assert.NotNull(a.Scope));
        Assert.Empty(roleIds.Intersect(broad));
    }

    [Fact]
    public async Task Secure_parameters_default_to_nothing_but_empty_and_no_output_carries_a_secret()
    {
        var template = await CompiledMain.GetAsync();
        var templates = new[] { template.Root }.Concat(
            template.OfType("Microsoft.Resources/deployments").Select(d => d.Properties["template"]!)).ToList();

        foreach (var t in templates)
        {
            var secureParameters = (t["parameters"]?.AsObject() ?? [])
                .Where(p => p.Value!["type"]!.GetValue<string>().StartsWith("secure", StringComparison.OrdinalIgnoreCase))
                .ToList();
            // An optional secret (the previous link key) may default to empty; no secret value is ever written in.
            Assert.All(secureParameters, p => Assert.True(
                p.Value!["defaultValue"] is null || p.Value["defaultValue"]!.ToJsonString() == "\"\"", $"{p.Key} has a default value"));
            foreach (var (name, output) in t["outputs"]?.AsObject() ?? [])
            {
                var value = output!["value"]!.ToJsonString();
                Assert.DoesNotContain("list", value, StringComparison.OrdinalIgnoreCase);
                Assert.All(secureParameters, p => Assert.DoesNotContain($"parameters('{p.Key}')", value, StringComparison.Ordinal));
                Assert.False(output["type"]!.GetValue<string>().StartsWith("secure", StringComparison.OrdinalIgnoreCase), name);
            }
        }

        Assert.Contains(templates, t => t["parameters"]?["linkSigningKey"]?["type"]?.GetValue<string>() == "securestring");
    }

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());
}
