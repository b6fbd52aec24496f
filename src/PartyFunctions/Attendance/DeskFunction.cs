using PartyFunctions.Presentation.Attendance;

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
        var language = RequestReading.Language(request.Query["lang"]);
        return LinkedPage.Html(await desk.LoadAsync(link, memberKey, cancellationToken), found => page.Html(language, memberKey, found, link));
    }
}
