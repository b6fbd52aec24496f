using PartyFunctions.Presentation;

namespace PartyFunctions.Http;

/// <summary>
/// The one way an HTML page leaves the app (docs/security.md, item 7): every page, the error page and the outage page
/// carry the same security headers. Pages are never cached (they carry receipts, personal scores and, in their links,
/// credentials), never framed, never sniffed as something else, and never leak their address in a Referer.
/// </summary>
public static class HtmlPage
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>
    /// No scripts are needed (the templates' own inline scripts are allowed by hash, nothing else), styles are inline,
    /// forms post only to this app, and no other site may frame a page.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
        + (InlineScripts.Hashes.Count > 0 ? "; script-src " + string.Join(' ', InlineScripts.Hashes) : string.Empty);

    public static ContentResult Of(int status, string html) => new SecuredPage { StatusCode = status, Content = html, ContentType = ContentType };

    /// <summary>Adds the headers to a response being written as HTML outside MVC (the storage-outage page).</summary>
    public static void Secure(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }

    private sealed class SecuredPage : ContentResult
    {
        public override Task ExecuteResultAsync(ActionContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            Secure(context.HttpContext.Response.Headers);
            return base.ExecuteResultAsync(context);
        }
    }
}
