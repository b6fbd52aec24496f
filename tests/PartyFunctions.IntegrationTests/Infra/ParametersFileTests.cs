using System.Text.Json.Nodes;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Infra;

/// <summary>infra/main.bicepparam evaluated by the real compiler, with the environment azd or the deploy workflow gives it.</summary>
public sealed class ParametersFileTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    [Fact]
    public async Task Purge_protection_is_on_for_prod_and_off_for_other_environments_unless_set()
    {
        Assert.True((await ValuesAsync(("AZURE_ENV_NAME", "prod")))["keyVaultPurgeProtection"]!.GetValue<bool>());
        Assert.False((await ValuesAsync(("AZURE_ENV_NAME", "party-staging")))["keyVaultPurgeProtection"]!.GetValue<bool>());
        Assert.False((await ValuesAsync())["keyVaultPurgeProtection"]!.GetValue<bool>());
        Assert.True((await ValuesAsync(("AZURE_ENV_NAME", "dev"), ("PARTY_KEYVAULT_PURGE_PROTECTION", "true")))["keyVaultPurgeProtection"]!.GetValue<bool>());
        // An empty repository variable reaches the file as an empty value: the prod rule still decides.
        Assert.True((await ValuesAsync(("AZURE_ENV_NAME", "prod"), ("PARTY_KEYVAULT_PURGE_PROTECTION", "")))["keyVaultPurgeProtection"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_archive_is_immutable_five_years_on_prod_and_one_day_elsewhere_unless_set()
    {
        Assert.Equal(1825, (await ValuesAsync(("AZURE_ENV_NAME", "prod")))["archiveRetentionDays"]!.GetValue<int>());
        Assert.Equal(1, (await ValuesAsync(("AZURE_ENV_NAME", "party-staging")))["archiveRetentionDays"]!.GetValue<int>());
        Assert.Equal(30, (await ValuesAsync(("AZURE_ENV_NAME", "dev"), ("PARTY_ARCHIVE_RETENTION_DAYS", "30")))["archiveRetentionDays"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_deployer_is_a_user_unless_AZURE_PRINCIPAL_TYPE_says_otherwise()
    {
        Assert.Equal("User", (await ValuesAsync())["deployerPrincipalType"]!.GetValue<string>());
        Assert.Equal("ServicePrincipal", (await ValuesAsync(("AZURE_PRINCIPAL_TYPE", "ServicePrincipal")))["deployerPrincipalType"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_email_sink_is_sendgrid_unless_set()
    {
        Assert.Equal("sendgrid", (await ValuesAsync())["emailSink"]!.GetValue<string>());
        Assert.Equal("none", (await ValuesAsync(("PARTY_EMAIL_SINK", "none")))["emailSink"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_principal_type_main_does_not_allow_does_not_build()
    {
        var result = await Bicep.RunAsync(
            new Dictionary<string, string> { ["PARTY_LINK_SIGNING_KEY"] = Key, ["AZURE_PRINCIPAL_TYPE"] = "Robot" },
            "build-params", "infra/main.bicepparam", "--stdout");

        Assert.False(result.Clean, result.ToString());
    }

    private static Task<JsonObject> ValuesAsync(params (string Name, string Value)[] environment)
    {
        var variables = environment.ToDictionary(e => e.Name, e => e.Value);
        variables.TryAdd("PARTY_LINK_SIGNING_KEY", Key);
        return Bicep.ParameterValuesAsync("infra/main.bicepparam", variables);
    }
}
