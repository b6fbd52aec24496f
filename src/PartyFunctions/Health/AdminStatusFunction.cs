using PartyFunctions.Presentation.Status;

namespace PartyFunctions.Health;

/// <summary>
/// <c>GET /api/admin/status</c>: the administrators' page (function key, plus the PartyAdmin role where App Service
/// Authentication is on): the health report as HTML, saying first of all when email is not configured. Always 200:
/// the page reports the state, the availability test watches <c>/api/health</c>.
/// </summary>
public sealed class AdminStatusFunction(CheckHealth checkHealth, StatusPages pages, AdminPrincipal admin)
{
    [Function("AdminStatus")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminStatus)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (admin.Deny(request) is { } denied)
        {
            return denied;
        }

        return HtmlPage.Of(StatusCodes.Status200OK, pages.AdminStatusHtml(await checkHealth.RunAsync(cancellationToken)));
    }
}
