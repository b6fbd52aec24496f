using Microsoft.AspNetCore.Mvc;

namespace PartyFunctions.Http;

/// <summary>An HTML answer with its status; pages are never cached (they carry receipts and personal scores).</summary>
internal static class HtmlPage
{
    public const string ContentType = "text/html; charset=utf-8";

    public static ContentResult Of(int status, string html) => new() { StatusCode = status, Content = html, ContentType = ContentType };
}
