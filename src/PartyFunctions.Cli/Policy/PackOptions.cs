using System.CommandLine;
using System.Text.Json;
using PartyFunctions.Policy;

namespace PartyFunctions.Cli.Policy;

/// <summary>
/// How every policy command finds its packs: the embedded defaults, then the administrator's directory
/// (setting <c>Policy:Directory</c>, env <c>Policy__Directory</c>), then each <c>--pack-file</c>; and which series is
/// in force when no pack is named (<c>Policy:Series</c>, default "vn").
/// </summary>
internal static class PackOptions
{
    public const string DirectorySetting = "Policy:Directory";

    public static Option<string[]> PackFile() => new("--pack-file")
    {
        Description = "An administrator's pack (JSON) to add, or to override the pack with the same id; repeatable.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<string?> PackId(string whenMissing) => new("--pack")
    {
        Description = $"The pack id (see `party policy list`). Default: {whenMissing}.",
    };

    /// <summary>The catalog, or null after printing why the administrator's packs were rejected.</summary>
    public static PolicyCatalog? LoadCatalog(ParseResult parseResult, Option<string[]> packFile, CliContext context)
    {
        var loaded = PolicyCatalog.Load(context.Configuration[DirectorySetting], parseResult.GetValue(packFile));
        foreach (var error in loaded.Errors)
        {
            parseResult.InvocationConfiguration.Error.WriteLine(error);
        }

        return loaded.Errors.Count == 0 ? loaded.Catalog : null;
    }

    public static string Series(CliContext context) =>
        context.Configuration[Configuration.AppSettings.PolicySeries] is { Length: > 0 } series ? series.Trim() : PolicyCatalog.DefaultSeries;

    /// <summary>The named pack, or the series' pack in force on <paramref name="date"/>; null after printing why there is none.</summary>
    public static PolicyPack? Resolve(ParseResult parseResult, PolicyCatalog catalog, string? id, DateOnly date, CliContext context)
    {
        var series = Series(context);
        var pack = id is null ? catalog.InForce(date, series) : catalog.Find(id);
        if (pack is null)
        {
            parseResult.InvocationConfiguration.Error.WriteLine(id is null
                ? $"No pack of series '{series}' is in force on {date:yyyy-MM-dd}; name one with --pack."
                : $"Unknown pack '{id}'; `party policy list` shows the packs.");
        }

        return pack;
    }

    public static void WriteJson<T>(ParseResult parseResult, T value) =>
        parseResult.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(value, PolicyJson.Options));
}
