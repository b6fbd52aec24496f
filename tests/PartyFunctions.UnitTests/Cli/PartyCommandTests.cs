using PartyFunctions.Health;

namespace PartyFunctions.UnitTests.Cli;

public sealed class PartyCommandTests
{
    [Fact]
    public async Task Help_lists_the_commands()
    {
        var (exit, output, _) = await Party.RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("version", output, StringComparison.Ordinal);
        Assert.Contains("PartyFunctions", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_app_version()
    {
        var (exit, output, _) = await Party.RunAsync("version");

        Assert.Equal(0, exit);
        Assert.Equal(CheckHealth.Version, output.Trim());
    }

    [Fact]
    public async Task An_unknown_command_fails_with_a_message()
    {
        var (exit, _, error) = await Party.RunAsync("frobnicate");

        Assert.NotEqual(0, exit);
        Assert.Contains("frobnicate", error, StringComparison.Ordinal);
    }
}
