using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Ast;

namespace PartyFunctions.Presentation;

/// <summary>
/// The one loader and the one HTML encoder of every page and email. Templates are the <c>.liquid</c> files under
/// Templates/, embedded by file name (<c>Get("form")</c>); each is parsed once per process, and a renderer asks for its
/// templates when it is created, so a missing or broken template fails at start-up. <c>{% partial name %}</c> renders
/// another template inside the current one, with the same values (the form's fields).
/// </summary>
public static class LiquidTemplates
{
    /// <summary>Encodes every value written into HTML; Vietnamese letters stay readable instead of becoming entities.</summary>
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new(StringComparer.Ordinal);
    private static readonly FluidParser Parser = CreateParser();

    public static IFluidTemplate Get(string name) => Parsed.GetOrAdd(name, Load);

    /// <summary>Options that read a model's members in camelCase, as every template writes them; register the model types on it.</summary>
    public static TemplateOptions Options(params Type[] models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var options = new TemplateOptions();
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.CamelCase;
        foreach (var model in models)
        {
            options.MemberAccessStrategy.Register(model);
        }

        return options;
    }

    /// <summary>Renders <paramref name="name"/> as HTML: every value HTML-encoded.</summary>
    public static string RenderHtml(string name, TemplateContext context) => Get(name).Render(context, Html);

    private static FluidParser CreateParser()
    {
        var parser = new FluidParser();
        parser.RegisterIdentifierTag("partial", async (name, writer, encoder, context) =>
        {
            await Get(name).RenderAsync(writer, encoder, context);
            return Completion.Normal;
        });
        return parser;
    }

    private static IFluidTemplate Load(string name)
    {
        var resource = name + ".liquid";
        using var stream = typeof(LiquidTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded template {resource}.");
        using var reader = new StreamReader(stream);
        return Parser.TryParse(reader.ReadToEnd(), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template {name} does not parse: {error}");
    }
}
