using PartyFunctions.Presentation.Status;

namespace PartyFunctions.Alerts;

/// <summary>
/// <c>/api/alerts/acknowledge?link=TOKEN</c>: GET only shows what the link names and a button (mail scanners prefetch
/// links and must not acknowledge anything); the button POSTs the token as a form field and acknowledges.
/// </summary>
public sealed class AcknowledgeAlertFunction(AcknowledgeAlert acknowledge, StatusPages pages)
{
    [Function("AcknowledgeAlertPage")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AcknowledgeAlert)] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Link();
        return Page(await acknowledge.PreviewAsync(token, cancellationToken), token);
    }

    [Function("AcknowledgeAlert")]
    public async Task<IActionResult> PostAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AcknowledgeAlert)] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.HasFormContentType ? await RequestBody.ReadTextAsync(request, "application/x-www-form-urlencoded", cancellationToken) : null;
        var token = body?.Text is { } form ? Submissions.RequestReading.FormFields(form).GetValueOrDefault("link") : null;
        return Page(await acknowledge.AcknowledgeAsync(token ?? request.Link(), cancellationToken), null);
    }

    private ContentResult Page(AcknowledgeResult result, string? token) => result.Status switch
    {
        AcknowledgeStatus.LinkRefused => Problems.Page(StatusCodes.Status403Forbidden, result.Message),
        AcknowledgeStatus.NotFound => Problems.Page(StatusCodes.Status404NotFound, result.Message),
        AcknowledgeStatus.Busy => Problems.Page(StatusCodes.Status409Conflict, result.Message),
        _ => HtmlPage.Of(StatusCodes.Status200OK, pages.AcknowledgeHtml(result, token)),
    };
}
