using System.CommandLine;
using PartyFunctions.Health;

namespace PartyFunctions.Cli;

/// <summary>The <c>party</c> root command; each capability adds its commands here, one line each.</summary>
public static class PartyCommand
{
    /// <summary>Exit code for invalid input (a bad file, a bad sheet): the errors are on standard error.</summary>
    public const int InvalidInput = 2;

    /// <summary>
    /// How long Ctrl+C or SIGTERM lets a command finish after cancelling it (System.CommandLine's default is 2 s):
    /// <c>party serve</c> stops its server and the Azurite it started, which takes longer than that.
    /// </summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    public static RootCommand Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand(
            "party: quản trị PartyFunctions / PartyFunctions administration.\n" +
            "Storage comes from AzureWebJobsStorage (default: Azurite, UseDevelopmentStorage=true).");
        root.Subcommands.Add(VersionCommand());
        root.Subcommands.Add(Policy.PolicyCommands.Build(context));
        root.Subcommands.Add(Scoring.ScoreCommand.Build(context));
        root.Subcommands.Add(Classification.ClassifyCommand.Build(context));
        root.Subcommands.Add(Organisation.UnitCommands.Build(context));
        root.Subcommands.Add(Access.CodeCommands.Build(context));
        root.Subcommands.Add(AnnualRun.ClassifyRunCommand.Build(context));
        root.Subcommands.Add(Demo.DemoCommand.Build(context));
        root.Subcommands.Add(Operations.RedriveCommand.Build(context));
        root.Subcommands.Add(Submissions.RestoreScoresCommand.Build(context));
        root.Subcommands.Add(Deployment.PreflightCommand.Build(context));
        root.Subcommands.Add(Local.ServeCommand.Build(context));
        return root;
    }

    /// <summary>Runs one command line; <paramref name="configuration"/> defaults to environment variables over local defaults.</summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error,
        Microsoft.Extensions.Configuration.IConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        await using var context = new CliContext(configuration ?? CliContext.DefaultConfiguration());
        return await Build(context).Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = StopTimeout }, cancellationToken);
    }

    private static Command VersionCommand()
    {
        var command = new Command("version", "Print the version of PartyFunctions.");
        command.SetAction(result =>
        {
            result.InvocationConfiguration.Output.WriteLine(CheckHealth.Version);
            return 0;
        });
        return command;
    }
}
