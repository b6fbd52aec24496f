using PartyFunctions.Policy;
using PartyFunctions.Presentation.AnnualRun;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// The standing committee confirms or overrides its cells' proposals: <c>GET /api/decisions/{year}/{committeeId}?link=</c>
/// (a "decide" link whose scope contains the committee) shows the form, only the <c>POST</c> records (mail scanners
/// prefetch GETs); administrators use <c>POST /api/admin/classification/{year}/units/{unitId}/decision</c> with JSON
/// <c>{level, reason, decidedBy}</c>. 400 bad input, 403 bad link, 404 unknown unit or no result.
/// </summary>
public sealed class AnnualDecisionFunctions(CommitteeDecisions committee, DecideAnnualLevels decide, DecisionPage page, AdminPrincipal admin)
{
    private const string LevelField = "level.";
    private const string ReasonField = "reason.";

    [Function("AnnualDecisionForm")]
    public async Task<IActionResult> FormAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Decisions)] HttpRequest request,
        int year, string committeeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Link();
        return Page(RequestReading.Language(request.Query["lang"]), year, committeeId, token,
            await committee.ShowAsync(token, year, committeeId, cancellationToken));
    }

    [Function("AnnualDecisionSubmit")]
    public async Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Decisions)] HttpRequest request,
        int year, string committeeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Link();
        if (!request.HasFormContentType)
        {
            // The link is checked first: a refused link says so whatever the body.
            var shown = await committee.ShowAsync(token, year, committeeId, cancellationToken);
            return shown.Committee is null
                ? Page("vi", year, committeeId, token, shown)
                : Problems.Page(StatusCodes.Status415UnsupportedMediaType, new LocalizedText(
                    "Cần gửi biểu mẫu (application/x-www-form-urlencoded).", "A form post (application/x-www-form-urlencoded) is expected."));
        }

        var body = await RequestBody.ReadTextAsync(request, "application/x-www-form-urlencoded", cancellationToken);
        if (body.Text is null)
        {
            return Problems.Page(body.Status, new LocalizedText(body.Vi!, body.En!));
        }

        var form = RequestReading.FormFields(body.Text);
        var decisions = form.Keys
            .Where(k => k.StartsWith(LevelField, StringComparison.Ordinal) && !string.IsNullOrEmpty(form[k]))
            .Select(k => new DecisionInput(k[LevelField.Length..], form[k], form.GetValueOrDefault(ReasonField + k[LevelField.Length..])))
            .ToList();
        var language = RequestReading.Language(form.GetValueOrDefault("lang") ?? request.Query["lang"]);
        var posted = form.ToDictionary(f => f.Key, f => (string?)f.Value, StringComparer.Ordinal);
        return Page(language, year, committeeId, token,
            await committee.DecideAsync(token, year, committeeId, decisions, form.GetValueOrDefault("decidedBy"), cancellationToken), posted);
    }

    [Function("AnnualDecisionAdmin")]
    public Task<IActionResult> AdminAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminDecision)] HttpRequest request,
        int year, string unitId, CancellationToken cancellationToken) =>
        admin.AnswerJsonAsync<DecisionBody>(request,
            new LocalizedText("Nội dung phải là JSON {level, reason, decidedBy}.", "The body must be JSON {level, reason, decidedBy}."),
            async body =>
            {
                var outcome = await decide.RunForUnitAsync(year, unitId, new DecisionInput(unitId, body.Level, body.Reason), body.DecidedBy, cancellationToken);
                return outcome.Status == DecisionStatus.Recorded
                    ? new OkObjectResult(new { unitId, year, changed = outcome.Changed })
                    : Problems.Of(Status(outcome), outcome.Message!, RequestReading.Language(request.Query["lang"]));
            },
            cancellationToken);

    private ContentResult Page(
        string language, int year, string committeeId, string? token, CommitteeDecisionsPage shown, IReadOnlyDictionary<string, string?>? posted = null) =>
        shown.Committee is not { } unit
            ? Problems.Page(StatusCodes.Status403Forbidden, shown.Message!)
            : HtmlPage.Of(shown.Outcome is { } outcome ? Status(outcome) : StatusCodes.Status200OK,
                page.Render(language, unit.Name, committeeId, year, shown.Results, token!, shown.Message,
                    failed: shown.Outcome is { Status: not DecisionStatus.Recorded }, shown.Outcome?.Field, posted));

    private static int Status(DecisionOutcome outcome) => outcome.Status switch
    {
        DecisionStatus.Invalid => StatusCodes.Status400BadRequest,
        DecisionStatus.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status200OK,
    };

    private sealed record DecisionBody(string? Level, string? Reason, string? DecidedBy);
}
