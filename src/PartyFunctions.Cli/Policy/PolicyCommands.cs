using System.CommandLine;
using System.Globalization;
using PartyFunctions.Policy;

namespace PartyFunctions.Cli.Policy;

/// <summary><c>party policy list|show|validate</c>: the packs an administrator can score and classify with.</summary>
public static class PolicyCommands
{
    public static Command Build(CliContext context)
    {
        var policy = new Command("policy", "Policy packs: list them, show one as JSON, validate a pack file.");
        policy.Subcommands.Add(List(context));
        policy.Subcommands.Add(Show(context));
        policy.Subcommands.Add(Validate());
        return policy;
    }

    private static Command List(CliContext context)
    {
        var packFile = PackOptions.PackFile();
        var command = new Command("list", "List the packs: id, series, effective from, source, name.") { packFile };
        command.SetAction(parseResult =>
        {
            if (PackOptions.LoadCatalog(parseResult, packFile, context) is not { } catalog)
            {
                return PartyCommand.InvalidInput;
            }

            var output = parseResult.InvocationConfiguration.Output;
            foreach (var entry in catalog.Entries)
            {
                var pack = entry.Pack;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{pack.Id,-12} {pack.Series,-10} {pack.EffectiveFrom:yyyy-MM-dd}  {entry.Source,-10} {pack.Names.Vi} / {pack.Names.En}"));
            }

            return 0;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var packFile = PackOptions.PackFile();
        var id = new Argument<string>("id") { Description = "The pack id, e.g. vn-2025." };
        var command = new Command("show", "Print one pack as JSON (the format `policy validate` accepts).") { id, packFile };
        command.SetAction(parseResult =>
        {
            if (PackOptions.LoadCatalog(parseResult, packFile, context) is not { } catalog)
            {
                return PartyCommand.InvalidInput;
            }

            var pack = PackOptions.Resolve(parseResult, catalog, parseResult.GetValue(id), default, context);
            if (pack is null)
            {
                return PartyCommand.InvalidInput;
            }

            parseResult.InvocationConfiguration.Output.WriteLine(PolicyJson.Serialize(pack));
            return 0;
        });
        return command;
    }

    private static Command Validate()
    {
        var file = new Argument<string>("file.json") { Description = "The pack file to check." };
        var command = new Command("validate", "Check a pack file; print every error with its field, exit 2 when any.") { file };
        command.SetAction(parseResult =>
        {
            var loaded = PolicyPackLoader.LoadFile(parseResult.GetValue(file)!);
            if (loaded.Pack is { } pack)
            {
                parseResult.InvocationConfiguration.Output.WriteLine($"{pack.Id}: valid");
                return 0;
            }

            foreach (var error in loaded.Errors)
            {
                parseResult.InvocationConfiguration.Error.WriteLine(error);
            }

            return PartyCommand.InvalidInput;
        });
        return command;
    }
}
