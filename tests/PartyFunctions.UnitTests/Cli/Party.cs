using PartyFunctions.Cli;

namespace PartyFunctions.UnitTests.Cli;

/// <summary>Runs the real <c>party</c> command in-process and captures what it printed.</summary>
internal static class Party
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PartyCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
