using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PartyFunctions.Access;
using PartyFunctions.Http;
using PartyFunctions.Presentation.Attendance;
using PartyFunctions.Submissions;

namespace PartyFunctions.Attendance;

/// <summary>
/// The member's desk: <c>GET /api/desk/{memberKey}?link=TOKEN[&amp;lang=en]</c>. The signed "desk" link names the member
/// (its subject, whose key must be the path's) and the committee whose units they follow.
/// </summary>
public sealed class DeskFunction(ViewMemberDesk desk, DeskPage page)
{
    [Function("MemberDesk")]
    public async Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Desk)] HttpRequest request, string memberKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Link();
        var result = await desk.LoadAsync(link, memberKey, cancellationToken);
        return result.Desk is { } found
            ? HtmlPage.Of(StatusCodes.Status200OK, page.Html(RequestReading.Language(request.Query["lang"]), memberKey, found, link))
            : Problems.Page(StatusCodes.Status403Forbidden, result.Message!);
    }
}
