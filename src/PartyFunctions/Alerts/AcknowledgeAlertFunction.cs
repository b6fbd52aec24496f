using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PartyFunctions.Status;

namespace PartyFunctions.Alerts;

/// <summary>
/// <c>/api/alerts/acknowledge?link=TOKEN</c>: GET only shows what the link names and a button (mail scanners prefetch
/// links and must not acknowledge anything); the button POSTs the token as a form field and acknowledges.
/// </summary>
public sealed class AcknowledgeAlertFunction(AcknowledgeAlert acknowledge, PageRenderer pages)
{
    private const string Route = "alerts/acknowledge";

    [Function("AcknowledgeAlertPage")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Query["link"].FirstOrDefault();
        return Page(await acknowledge.PreviewAsync(token, cancellationToken), token);
    }

    [Function("AcknowledgeAlert")]
    public async Task<IActionResult> PostAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken))["link"].FirstOrDefault() : null;
        return Page(await acknowledge.AcknowledgeAsync(token ?? request.Query["link"].FirstOrDefault(), cancellationToken), null);
    }

    private ContentResult Page(AcknowledgeResult result, string? token) => new()
    {
        Content = pages.AcknowledgeHtml(result, token, "/api/" + Route),
        ContentType = "text/html; charset=utf-8",
        StatusCode = result.Status switch
        {
            AcknowledgeStatus.LinkRefused => StatusCodes.Status403Forbidden,
            AcknowledgeStatus.NotFound => StatusCodes.Status404NotFound,
            AcknowledgeStatus.Busy => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status200OK,
        },
    };
}
