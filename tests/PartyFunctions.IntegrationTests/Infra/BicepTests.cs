using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Infra;

public sealed class BicepTests
{
    [Fact]
    public async Task Main_template_compiles_without_errors_or_warnings()
    {
        var result = await Bicep.BuildAsync("infra/main.bicep");

        Assert.True(result.Clean, result.ToString());
        Assert.Contains("Microsoft.Storage/storageAccounts", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_with_a_warning_is_not_clean()
    {
        var directory = Directory.CreateTempSubdirectory("bicep-check");
        try
        {
            var file = Path.Combine(directory.FullName, "warns.bicep");
            // An unused parameter: Bicep warns and still exits 0, which is what the check must catch.
            await File.WriteAllTextAsync(file, "param unused string\noutput greeting string = 'xin chào'\n");

            var result = await Bicep.BuildAsync(file);

            Assert.Equal(0, result.ExitCode);
            Assert.False(result.Clean, result.ToString());
            Assert.Contains(result.Diagnostics, d => d.Contains("no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Storage_account_disables_shared_keys_and_public_blobs()
    {
        var result = await Bicep.BuildAsync("infra/main.bicep");
        var arm = System.Text.Json.Nodes.JsonNode.Parse(result.StandardOutput)!;

        var storage = arm.ToJsonString();
        Assert.Contains("\"allowSharedKeyAccess\":false", storage, StringComparison.Ordinal);
        Assert.Contains("\"allowBlobPublicAccess\":false", storage, StringComparison.Ordinal);
        Assert.Contains("\"minimumTlsVersion\":\"TLS1_2\"", storage, StringComparison.Ordinal);
    }
}
