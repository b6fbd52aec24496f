using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Infra;

public sealed class BicepCheckTests
{
    [Fact]
    public async Task Main_template_and_its_parameters_build_and_lint_without_errors_or_warnings()
    {
        var withKey = new Dictionary<string, string> { ["PARTY_LINK_SIGNING_KEY"] = Convert.ToBase64String(new byte[32]) };

        foreach (var result in new[]
        {
            await Bicep.BuildAsync("infra/main.bicep"),
            await Bicep.RunAsync("lint", "infra/main.bicep"),
            await Bicep.RunAsync(withKey, "build-params", "infra/main.bicepparam", "--stdout"),
            await Bicep.RunAsync(withKey, "lint", "infra/main.bicepparam"),
        })
        {
            Assert.True(result.Clean, result.ToString());
        }
    }

    [Fact]
    public async Task Parameters_do_not_build_without_a_link_signing_key()
    {
        var result = await Bicep.RunAsync("build-params", "infra/main.bicepparam", "--stdout");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("PARTY_LINK_SIGNING_KEY", result.StandardError, StringComparison.Ordinal);
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
}
