using Fluid;
using PartyFunctions.Policy;

namespace PartyFunctions.Presentation;

/// <summary>
/// The one error page of every HTML endpoint (Templates/Shared/error.liquid): what went wrong in Vietnamese, then in
/// English, with the form's stylesheet. Pages that can show the error beside a field (the form, the confirmation
/// sheet) show it there instead.
/// </summary>
public static class ErrorPage
{
    private static readonly IFluidTemplate Template = LiquidTemplates.Get("error");
    private static readonly TemplateOptions Options = LiquidTemplates.Options(typeof(LocalizedText));

    public static string Render(LocalizedText title, LocalizedText detail)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(detail);
        var context = new TemplateContext(Options);
        context.SetValue("style", Stylesheet.Css);
        context.SetValue("title", title);
        context.SetValue("detail", detail);
        return Template.Render(context, LiquidTemplates.Html);
    }
}
