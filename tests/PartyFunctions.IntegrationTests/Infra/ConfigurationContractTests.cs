using System.Text.Json.Nodes;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Infra;

/// <summary>A renamed setting must break a test, not production: the code's list, the template, the local example and the triggers agree.</summary>
public sealed class ConfigurationContractTests
{
    private static readonly string[] IdentityStorageSettings =
        ["AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri"];

    [Fact]
    public async Task Every_setting_the_app_reads_is_set_by_the_Bicep_template()
    {
        var settings = await TemplateAppSettingsAsync();

        foreach (var setting in AppSettings.All.Where(s => s.RequiredInAzure))
        {
            if (setting.Key == AppSettings.StorageConnection)
            {
                Assert.All(IdentityStorageSettings, name => Assert.Contains(name, settings.Keys));
            }
            else
            {
                Assert.True(settings.ContainsKey(setting.AppSettingName), $"{setting.AppSettingName} is not set by infra/main.bicep");
            }
        }
    }

    [Fact]
    public async Task Every_app_setting_in_the_template_is_one_the_app_reads_or_the_platform_needs()
    {
        var known = AppSettings.All.Select(s => s.AppSettingName).ToHashSet();

        var unknown = (await TemplateAppSettingsAsync()).Keys
            .Where(name => !known.Contains(name))
            .Where(name => !name.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal))
            .Where(name => !name.StartsWith("APPLICATIONINSIGHTS_", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public async Task Secret_settings_are_Key_Vault_references_and_no_other_setting_is()
    {
        var settings = await TemplateAppSettingsAsync();

        foreach (var setting in AppSettings.All.Where(s => settings.ContainsKey(s.AppSettingName)))
        {
            var isReference = settings[setting.AppSettingName].Contains("@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal);
            Assert.True(setting.IsSecret == isReference, $"{setting.AppSettingName}: secret {setting.IsSecret}, Key Vault reference {isReference}");
        }
    }

    [Fact]
    public void Every_setting_the_app_reads_is_in_the_local_settings_example()
    {
        var example = JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("src", "PartyFunctions", "local.settings.json.example")))!;
        var values = example["Values"]!.AsObject();

        Assert.All(AppSettings.All, s => Assert.True(values.ContainsKey(s.AppSettingName), $"{s.AppSettingName} is missing from local.settings.json.example"));
        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]!.GetValue<string>());
    }

    [Fact]
    public void Every_percent_setting_in_functions_metadata_is_one_the_app_lists()
    {
        var known = AppSettings.All.Select(s => s.Key).ToHashSet();

        var referenced = FunctionsMetadata.OfBuiltApp.Functions
            .SelectMany(f => f.Bindings)
            .SelectMany(b => new[] { b.Schedule, b.QueueName, b.Connection })
            .Select(BindingDescriptor.SettingName)
            .OfType<string>()
            .Select(name => name.Replace("__", ":", StringComparison.Ordinal));

        Assert.All(referenced, name => Assert.Contains(name, known));
    }

    /// <summary>The Function App's app settings by name: main's non-secret settings plus the module's platform settings.</summary>
    private static async Task<Dictionary<string, string>> TemplateAppSettingsAsync()
    {
        var template = await CompiledMain.GetAsync();
        var fromMain = template.ModuleParameters("functionapp")["appSettings"]!["value"]!.AsObject();
        var platform = template.Module("functionapp")["variables"]!["platformSettings"]!.AsObject();
        return fromMain.Concat(platform).ToDictionary(p => p.Key, p => p.Value!.ToJsonString());
    }
}
