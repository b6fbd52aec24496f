using Fluid;

namespace PartyFunctions.Rendering;

/// <summary>Loads a Liquid template embedded beside a type (<c>{namespace}.Templates.{name}</c>); a missing or broken template fails at start-up.</summary>
internal static class EmbeddedTemplate
{
    private static readonly FluidParser Parser = new();

    public static IFluidTemplate Load(Type anchor, string name)
    {
        var resource = $"{anchor.Namespace}.Templates.{name}";
        using var stream = anchor.Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded template {resource}.");
        using var reader = new StreamReader(stream);
        return Parser.TryParse(reader.ReadToEnd(), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template {name} does not parse: {error}");
    }
}
