using PartyFunctions.Policy;
using PartyFunctions.Presentation.Remediation;

namespace PartyFunctions.Remediation;

/// <summary>
/// The superior's findings for a unit and year, each request one call of <see cref="FindingsRequests"/>: the page
/// <c>GET/POST /api/findings/{unitId}/{year}?link=</c> (a signed "remediation" link covering the unit; GET only shows,
/// POST records the form's <c>findings</c>, one per line, and <c>by</c>), and the admin API
/// <c>PUT /api/admin/findings/{unitId}/{year}</c> with JSON <c>{findings:[...], by}</c>. 400 bad input, 403 bad link,
/// 404 unknown unit, 409 plan already accepted.
/// </summary>
public sealed class FindingsFunctions(FindingsRequests requests, FindingsForm form, AdminPrincipal admin)
{
    [Function("FindingsPage")]
    public async Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.FindingsPage)] HttpRequest request,
        string unitId, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Link();
        return Page(RequestReading.Language(request.Query["lang"]), year, link, await requests.ShowAsync(link, unitId, year, cancellationToken), null);
    }

    [Function("FindingsRecord")]
    public async Task<IActionResult> RecordAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.FindingsPage)] HttpRequest request,
        string unitId, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Link();
        var body = await RequestBody.ReadTextAsync(request, "application/x-www-form-urlencoded", cancellationToken);
        if (body.Text is null)
        {
            // The link is checked first: a refused link says so whatever the body.
            var shown = await requests.ShowAsync(link, unitId, year, cancellationToken);
            return shown.Unit is null ? Page("vi", year, link, shown, null) : Problems.Page(body.Status, new LocalizedText(body.Vi!, body.En!));
        }

        var fields = RequestReading.FormFields(body.Text);
        var language = RequestReading.Language(fields.GetValueOrDefault("lang") ?? request.Query["lang"]);
        var outcome = await requests.RecordAsync(link, unitId, year, fields.GetValueOrDefault("findings"), fields.GetValueOrDefault("by"), cancellationToken);
        return Page(language, year, link, outcome, fields);
    }

    [Function("FindingsAdmin")]
    public Task<IActionResult> AdminAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = Routes.AdminFindings)] HttpRequest request,
        string unitId, int year, CancellationToken cancellationToken) =>
        admin.AnswerJsonAsync<FindingsBody>(request,
            new LocalizedText("Nội dung phải là JSON {findings:[...], by}.", "The body must be JSON {findings:[...], by}."),
            async body =>
            {
                var outcome = await requests.RecordAsAdminAsync(unitId, year, body.Findings, body.By, cancellationToken);
                return outcome.Findings is { } stored && outcome.Succeeded
                    ? new ObjectResult(stored) { StatusCode = outcome.Status == FindingsStatus.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK }
                    : Problems.Of(StatusOf(outcome.Status), outcome.Errors, RequestReading.Language(request.Query["lang"]));
            },
            cancellationToken);

    private ContentResult Page(string language, int year, string? link, FindingsPage page, IReadOnlyDictionary<string, string?>? typed) =>
        page.Unit is null
            ? Problems.Page(StatusOf(page.Status), new LocalizedText(page.Errors[0].Vi, page.Errors[0].En))
            : HtmlPage.Of(StatusOf(page.Status),
                form.Render(language, year, page, link, typed?.GetValueOrDefault("findings"), typed?.GetValueOrDefault("by")));

    private static int StatusOf(FindingsStatus status) => status switch
    {
        FindingsStatus.Created or FindingsStatus.Updated or FindingsStatus.Unchanged => StatusCodes.Status200OK,
        FindingsStatus.Forbidden => StatusCodes.Status403Forbidden,
        FindingsStatus.NotFound => StatusCodes.Status404NotFound,
        FindingsStatus.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private sealed record FindingsBody(IReadOnlyList<string?>? Findings, string? By);
}
