using System.CommandLine;

namespace PartyFunctions.Cli.Deployment;

/// <summary>
/// <c>party preflight [--params infra/main.bicepparam]</c>: before `azd up`, checks offline the parameters the file will get
/// from the environment (azd's values, or exported ones), prints one line per check and the `az` commands that confirm
/// the region and runtime online. Exit 0 when every check passes, 2 otherwise.
/// </summary>
public static class PreflightCommand
{
    public static Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Option<FileInfo>("--params")
        {
            Description = "The parameters file (default: infra/main.bicepparam under the current folder).",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("infra", "main.bicepparam")),
        };
        var command = new Command("preflight", "Check the deployment parameters offline before `azd up`.") { file };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"{path.FullName}: no such file; run from the repository root or pass --params.");
                return PartyCommand.InvalidInput;
            }

            var infra = path.Directory!.FullName;
            var parameters = ParametersFile.Read(path.FullName, name => context.Configuration[name]);
            var checks = new Preflight(parameters, infra, Path.GetDirectoryName(infra)!).Run();
            foreach (var check in checks)
            {
                await output.WriteLineAsync(check.ToString());
            }

            var failed = checks.Count(c => !c.Ok);
            await output.WriteLineAsync(failed == 0
                ? "Mọi kiểm tra đều đạt / every check passed: run `azd up`."
                : $"{failed} kiểm tra không đạt / {failed} checks failed: fix them before `azd up`.");
            return failed == 0 ? 0 : PartyCommand.InvalidInput;
        });
        return command;
    }
}
