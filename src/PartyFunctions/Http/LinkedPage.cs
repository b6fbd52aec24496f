using PartyFunctions.Presentation;

namespace PartyFunctions.Http;

/// <summary>
/// How a view read through a signed link leaves the app: its HTML page or its CSV file when found, otherwise the error
/// page (400 when its input is wrong, 403 when the link does not cover it).
/// </summary>
public static class LinkedPage
{
    public static IActionResult Html<T>(LinkedView<T> view, Func<T, string> render)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(render);
        return view.Value is { } found ? HtmlPage.Of(StatusCodes.Status200OK, render(found)) : Refused(view);
    }

    public static IActionResult Csv<T>(LinkedView<T> view, Func<T, byte[]> write, Func<T, string> fileName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(fileName);
        return view.Value is { } found
            ? new FileContentResult(write(found), ExcelCsv.ContentType) { FileDownloadName = fileName(found) }
            : Refused(view);
    }

    private static ContentResult Refused<T>(LinkedView<T> view)
        where T : class =>
        Problems.Page(view.Outcome == LinkedViewOutcome.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden, view.Message!);
}
