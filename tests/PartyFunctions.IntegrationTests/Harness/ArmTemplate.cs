using System.Text.Json.Nodes;

namespace PartyFunctions.IntegrationTests.Harness;

/// <summary>
/// A compiled ARM template with its nested module deployments flattened, so that tests can assert on every
/// resource whatever module declares it. Handles both resource layouts Bicep emits (array, and the
/// symbolic-name object of languageVersion 2.0).
/// </summary>
public sealed class ArmTemplate
{
    private ArmTemplate(JsonNode root) => Root = root;

    public JsonNode Root { get; }

    public static async Task<ArmTemplate> CompileAsync(string relativePath)
    {
        var result = await Bicep.BuildAsync(relativePath);
        if (!result.Clean)
        {
            throw new InvalidOperationException($"bicep build {relativePath} is not clean:\n{result}");
        }

        return new ArmTemplate(JsonNode.Parse(result.StandardOutput)!);
    }

    /// <summary>Every resource of the template and of its nested deployments, each with the module deployment that declares it.</summary>
    public IReadOnlyList<ArmResource> Resources => Collect(Root, module: "main").ToList();

    public IEnumerable<ArmResource> OfType(string type) => Resources.Where(r => r.Type == type);

    public ArmResource OnlyOfType(string type) => Resources.Single(r => r.Type == type);

    /// <summary>A variable of <paramref name="template"/>, following plain <c>[variables('x')]</c> aliases (loadJsonContent compiles to one).</summary>
    public static JsonNode Variable(JsonNode template, string name)
    {
        var value = template["variables"]![name]!;
        return value is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith("[variables('", StringComparison.Ordinal) && text.EndsWith("')]", StringComparison.Ordinal)
            ? Variable(template, text["[variables('".Length..^"')]".Length])
            : value;
    }

    /// <summary>The nested template of a module deployment (its parameters, variables and outputs).</summary>
    public JsonNode Module(string name) =>
        Collect(Root, "main").Single(r => r.Type == "Microsoft.Resources/deployments" && r.Name == name).Node["properties"]!["template"]!;

    /// <summary>The parameters main passes to a module deployment.</summary>
    public JsonObject ModuleParameters(string name) =>
        Collect(Root, "main").Single(r => r.Type == "Microsoft.Resources/deployments" && r.Name == name)
            .Node["properties"]!["parameters"]!.AsObject();

    private static IEnumerable<ArmResource> Collect(JsonNode template, string module)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(n => n!),
            JsonObject map => map.Select(p => p.Value!),
            _ => [],
        };
        foreach (var resource in resources)
        {
            var item = new ArmResource(resource, module);
            yield return item;
            if (item.Type == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is { } nested)
            {
                foreach (var inner in Collect(nested, item.Name))
                {
                    yield return inner;
                }
            }
        }
    }
}

public sealed record ArmResource(JsonNode Node, string Module)
{
    public string Type => Node["type"]!.GetValue<string>();

    public string Name => Node["name"]!.GetValue<string>();

    public JsonNode Properties => Node["properties"]!;

    public string? Scope => Node["scope"]?.GetValue<string>();

    public override string ToString() => $"{Type} {Name} (module {Module})";
}
