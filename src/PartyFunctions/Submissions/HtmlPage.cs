using Microsoft.AspNetCore.Mvc;

namespace PartyFunctions.Submissions;

/// <summary>An HTML answer with its status; pages are never cached (they carry receipts and personal scores).</summary>
internal static class HtmlPage
{
    public static ContentResult Of(int status, string html) =>
        new() { StatusCode = status, Content = html, ContentType = "text/html; charset=utf-8" };
}
