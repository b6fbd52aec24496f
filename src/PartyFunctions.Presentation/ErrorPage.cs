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

    /// <summary>What to do after a refusal of this HTTP status.</summary>
    public static LocalizedText NextStep(int status) => status switch
    {
        401 or 403 => new("Hãy mở lại liên kết trong thư mới nhất của hệ thống (liên kết có hạn dùng). Nếu vẫn không được, đề nghị liên hệ văn phòng cấp ủy cấp trên để được gửi liên kết mới.",
            "Open the link in the system's latest email again (links expire). If that fails, ask the superior committee's office for a new link."),
        404 => new("Hãy kiểm tra lại liên kết, hoặc liên hệ văn phòng cấp ủy cấp trên.", "Check the link, or ask the superior committee's office."),
        409 or 423 or 503 => new("Hãy đợi ít phút rồi thử lại.", "Wait a few minutes and try again."),
        _ => new("Hãy quay lại trang trước, sửa rồi gửi lại.", "Go back to the previous page, correct it and send it again."),
    };

    public static string Render(LocalizedText title, LocalizedText detail, LocalizedText? next = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(detail);
        var context = new TemplateContext(Options);
        context.SetValue("style", Stylesheet.Css);
        context.SetValue("title", title);
        context.SetValue("detail", detail);
        context.SetValue("next", next);
        return Template.Render(context, LiquidTemplates.Html);
    }
}
