using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PartyFunctions.Access;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// The standing committee confirms or overrides its cells' proposals: <c>GET /api/decisions/{year}/{committeeId}?link=</c>
/// (a "decide" link whose scope contains the committee) shows the form, only the <c>POST</c> records (mail scanners
/// prefetch GETs); administrators use <c>POST /api/admin/classification/{year}/units/{unitId}/decision</c> with JSON
/// <c>{level, reason, decidedBy}</c>. 400 bad input, 403 bad link, 404 unknown unit or no result.
/// </summary>
public sealed class AnnualDecisionFunctions(
    DecideAnnualLevels decide, IAnnualResultStore results, SubtreeAccess access, AdminPrincipal admin)
{
    public const string DecideAction = AnnualRunLinks.DecideAction;
    private const string LinkRoute = "decisions/{year:int}/{committeeId}";

    [Function("AnnualDecisionForm")]
    public async Task<IActionResult> FormAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LinkRoute)] HttpRequest request,
        int year, string committeeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Query["link"].FirstOrDefault();
        var allowed = await access.AuthoriseAsync(token, DecideAction, committeeId, cancellationToken);
        return allowed.Allowed
            ? await PageAsync(year, allowed.Unit!.Name, committeeId, token!, null, StatusCodes.Status200OK, cancellationToken)
            : Text(StatusCodes.Status403Forbidden, allowed.Message);
    }

    [Function("AnnualDecisionSubmit")]
    public async Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LinkRoute)] HttpRequest request,
        int year, string committeeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Query["link"].FirstOrDefault();
        var allowed = await access.AuthoriseAsync(token, DecideAction, committeeId, cancellationToken);
        if (!allowed.Allowed)
        {
            return Text(StatusCodes.Status403Forbidden, allowed.Message);
        }

        if (!request.HasFormContentType)
        {
            return Text(StatusCodes.Status415UnsupportedMediaType, "Cần gửi biểu mẫu (application/x-www-form-urlencoded) / a form post is expected.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var decisions = form.Keys
            .Where(k => k.StartsWith("level.", StringComparison.Ordinal) && !string.IsNullOrEmpty(form[k].FirstOrDefault()))
            .Select(k => new DecisionInput(k["level.".Length..], form[k].FirstOrDefault(), form["reason." + k["level.".Length..]].FirstOrDefault()))
            .ToList();
        var outcome = await decide.RunAsync(year, committeeId, decisions, form["decidedBy"].FirstOrDefault(), cancellationToken);
        var message = outcome.Message ?? $"Đã ghi {outcome.Changed} quyết định / {outcome.Changed} decision(s) recorded.";
        return await PageAsync(year, allowed.Unit!.Name, committeeId, token!, message, Status(outcome), cancellationToken);
    }

    [Function("AnnualDecisionAdmin")]
    public async Task<IActionResult> AdminAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "admin/classification/{year:int}/units/{unitId}/decision")] HttpRequest request,
        int year, string unitId, CancellationToken cancellationToken)
    {
        if (admin.Deny(request) is { } denied)
        {
            return denied;
        }

        if (await JsonBody.ReadAsync<DecisionBody>(request, cancellationToken) is not { } body)
        {
            return new BadRequestObjectResult(new { error = "Nội dung phải là JSON {level, reason, decidedBy} / the body must be JSON {level, reason, decidedBy}." });
        }

        var outcome = await decide.RunForUnitAsync(year, unitId, new DecisionInput(unitId, body.Level, body.Reason), body.DecidedBy, cancellationToken);
        return outcome.Status == DecisionStatus.Recorded
            ? new OkObjectResult(new { unitId, year, changed = outcome.Changed })
            : new ObjectResult(new { error = outcome.Message }) { StatusCode = Status(outcome) };
    }

    private async Task<IActionResult> PageAsync(
        int year, string committeeName, string committeeId, string token, string? message, int status, CancellationToken cancellationToken)
    {
        var list = await results.GetAsync(year, committeeId, cancellationToken);
        var action = $"/api/decisions/{year}/{Uri.EscapeDataString(committeeId)}?link={Uri.EscapeDataString(token)}";
        return new ContentResult
        {
            Content = DecisionFormRenderer.Render(committeeName, year, list, action, message),
            ContentType = "text/html; charset=utf-8",
            StatusCode = status,
        };
    }

    private static int Status(DecisionOutcome outcome) => outcome.Status switch
    {
        DecisionStatus.Invalid => StatusCodes.Status400BadRequest,
        DecisionStatus.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status200OK,
    };

    private static ContentResult Text(int status, string message) =>
        new() { StatusCode = status, Content = message, ContentType = "text/plain; charset=utf-8" };

    private sealed record DecisionBody(string? Level, string? Reason, string? DecidedBy);
}
