using Microsoft.Extensions.Configuration;
using PartyFunctions.Cli;
using PartyFunctions.UnitTests.Policy;

namespace PartyFunctions.UnitTests.Cli;

/// <summary><c>party preflight</c> over the repository's own infra/main.bicepparam, with the environment azd would give it.</summary>
public sealed class PreflightCliTests
{
    private static readonly Dictionary<string, string?> Good = new()
    {
        ["PARTY_LINK_SIGNING_KEY"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray()),
        ["PARTY_SENDER_ADDRESS"] = "no-reply@tinhuy.example.vn",
        ["PARTY_ADMIN_MAILBOX"] = "quantri@tinhuy.example.vn",
        ["AZURE_ENV_NAME"] = "party-staging-environment",
        ["AZURE_LOCATION"] = "southeastasia",
    };

    [Fact]
    public async Task Good_parameters_pass_every_check_and_print_the_az_commands_to_confirm_online()
    {
        var (exit, output, _) = await PreflightAsync(Good);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
        Assert.Contains("az functionapp list-flexconsumption-locations --output table", output, StringComparison.Ordinal);
        Assert.Contains("az functionapp list-flexconsumption-runtimes --location southeastasia --runtime dotnet-isolated --output table", output, StringComparison.Ordinal);
        Assert.Contains("dotnet-isolated 10.0", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PARTY_LINK_SIGNING_KEY", null, "missing")]
    [InlineData("PARTY_LINK_SIGNING_KEY", "c2hvcnQ=", "too short")]
    [InlineData("PARTY_LINK_SIGNING_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "placeholder")]
    [InlineData("PARTY_LINK_SIGNING_KEY", "not base64 at all, not even close!!", "not base64")]
    [InlineData("PARTY_SENDER_ADDRESS", null, "template's default")]
    [InlineData("PARTY_ADMIN_MAILBOX", "Quản trị <it@tinhuy.vn>", "not an email address")]
    [InlineData("PARTY_SCHEDULE_CUTOFF", "0 5 17 32 * *", "not an NCRONTAB schedule")]
    [InlineData("AZURE_ENV_NAME", "party_staging", "letters, digits and hyphens")]
    [InlineData("AZURE_ENV_NAME", "a-very-long-environment-name-that-is-longer-than-azd-would-accept-at-all", "2 to 64")]
    [InlineData("AZURE_LOCATION", "atlantis", "not a Flex Consumption region known offline")]
    [InlineData("AZURE_PRINCIPAL_TYPE", "Robot", "one of User, ServicePrincipal, Group")]
    [InlineData("PARTY_EMAIL_SINK", "directory", "one of sendgrid, none")]
    public async Task A_bad_parameter_fails_its_check_says_why_and_exits_2(string variable, string? value, string why)
    {
        var environment = new Dictionary<string, string?>(Good) { [variable] = value };
        if (value is null)
        {
            environment.Remove(variable);
        }

        var (exit, output, _) = await PreflightAsync(environment);

        Assert.Equal(PartyCommand.InvalidInput, exit);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Contains(variable, line, StringComparison.Ordinal);
        Assert.Contains(why, line, StringComparison.Ordinal);
        Assert.Contains("1 checks failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_parameters_file_is_invalid_input()
    {
        var (exit, _, error) = await PreflightAsync(Good, "--params", Path.Combine(Path.GetTempPath(), "no-such.bicepparam"));

        Assert.Equal(PartyCommand.InvalidInput, exit);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> PreflightAsync(IDictionary<string, string?> environment, params string[] extra)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(environment).Build();
        string[] args = extra.Length > 0 ? ["preflight", .. extra] : ["preflight", "--params", RepoFiles.Path(Path.Combine("infra", "main.bicepparam"))];
        var exit = await PartyCommand.RunAsync(args, output, error, configuration);
        return (exit, output.ToString(), error.ToString());
    }
}
