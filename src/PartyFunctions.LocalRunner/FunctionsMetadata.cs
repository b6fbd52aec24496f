using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyFunctions.LocalRunner;

/// <summary>
/// The <c>functions.metadata</c> the Worker SDK generated into the Function App's build output: what the
/// Functions host reads to know every trigger. The local runner routes and binds by it; tests pin routes, methods, auth levels, queues and schedules on it.
/// </summary>
public sealed class FunctionsMetadata
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<FunctionsMetadata> Built = new(() => Load(DefaultPath));

    private FunctionsMetadata(IReadOnlyList<FunctionDescriptor> functions) => Functions = functions;

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    /// <summary>The copy the build put beside the running program: every project that references the app gets one.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    /// <summary>The metadata of the Function App as built with the running program.</summary>
    public static FunctionsMetadata OfBuiltApp => Built.Value;

    public static FunctionsMetadata Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No functions.metadata at {path}: build the project that references src/PartyFunctions.", path);
        }

        return Parse(File.ReadAllText(path));
    }

    public static FunctionsMetadata Parse(string json) =>
        new(JsonSerializer.Deserialize<List<FunctionDescriptor>>(json, JsonOptions)
            ?? throw new InvalidDataException("functions.metadata is not a JSON array of functions."));

    public FunctionDescriptor this[string name] =>
        Functions.SingleOrDefault(f => f.Name == name)
        ?? throw new KeyNotFoundException($"No function named '{name}' in functions.metadata; there are: {string.Join(", ", Functions.Select(f => f.Name))}.");
}

public sealed record FunctionDescriptor(string Name, string EntryPoint, string ScriptFile, IReadOnlyList<BindingDescriptor> Bindings)
{
    public BindingDescriptor Trigger =>
        Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));

    /// <summary>The declaring type's full name and the method name, split from <see cref="EntryPoint"/>.</summary>
    public (string TypeName, string MethodName) Method
    {
        get
        {
            var dot = EntryPoint.LastIndexOf('.');
            return (EntryPoint[..dot], EntryPoint[(dot + 1)..]);
        }
    }
}

public sealed record BindingDescriptor(
    string Name,
    string Type,
    string Direction,
    string? AuthLevel = null,
    IReadOnlyList<string>? Methods = null,
    string? Route = null,
    string? QueueName = null,
    string? Connection = null,
    string? Schedule = null,
    [property: JsonPropertyName("runOnStartup")] bool RunOnStartup = false)
{
    /// <summary>The app setting a <c>%Name%</c> value refers to, or null when the value is literal.</summary>
    public static string? SettingName(string? value) =>
        value is { Length: > 2 } && value[0] == '%' && value[^1] == '%' ? value[1..^1] : null;
}
