using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PartyFunctions.Access;
using PartyFunctions.Alerts;

namespace PartyFunctions.Remediation;

/// <summary>
/// Remediation plans (docs/api.md). The unit, with its access code (header <c>X-Access-Code</c>): <c>PUT</c> the plan
/// (JSON <c>{items:[{title, owner, due}]}</c>) and <c>POST .../items/{itemId}/evidence</c> (multipart, field
/// <c>file</c>). The superior, with a signed "remediation" link covering the unit: <c>POST .../accept</c> and
/// <c>POST .../items/{itemId}/close</c> (POST only: mail scanners prefetch GETs). <c>GET</c> reads the plan with either.
/// </summary>
public sealed class RemediationFunctions(
    SubmitRemediationPlan submit, AttachEvidence attach, ReviewRemediationPlan review, IRemediationStore plans,
    AuthenticateCell cells, SubtreeAccess access)
{
    public const string LinkAction = "remediation";
    public const string AccessCodeHeader = "X-Access-Code";
    private const string PlanRoute = "remediation/{unitId}/{rule}/{period}";

    [Function("SubmitRemediationPlan")]
    public async Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = PlanRoute)] HttpRequest request,
        string unitId, string rule, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await CellDeniedAsync(request, unitId, cancellationToken) is { } denied)
        {
            return denied;
        }

        return await JsonBody.ReadAsync<PlanBody>(request, cancellationToken) is not { } body
            ? Error(StatusCodes.Status400BadRequest, "Nội dung phải là JSON {items:[{title, owner, due}]} / the body must be JSON {items:[...]}.")
            : Result(await submit.RunAsync(new AlertKey(rule, unitId, period), body.Items, cancellationToken));
    }

    [Function("GetRemediationPlan")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PlanRoute)] HttpRequest request,
        string unitId, string rule, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var denied = request.Query.ContainsKey("link")
            ? await LinkDeniedAsync(request, unitId, cancellationToken)
            : await CellDeniedAsync(request, unitId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        return await plans.GetAsync(new AlertKey(rule, unitId, period), cancellationToken) is { } stored
            ? new OkObjectResult(stored.Plan)
            : Error(StatusCodes.Status404NotFound, "Chưa có kế hoạch khắc phục / no plan yet.");
    }

    [Function("UploadRemediationEvidence")]
    public async Task<IActionResult> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PlanRoute + "/items/{itemId}/evidence")] HttpRequest request,
        string unitId, string rule, string period, string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await CellDeniedAsync(request, unitId, cancellationToken) is { } denied)
        {
            return denied;
        }

        // Refuse an oversized body before reading it; the multipart envelope adds a little to the file itself.
        if (request.ContentLength > EvidenceSniffer.MaxBytes + (64 * 1024))
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn: tối đa 10 MB / the file is larger than 10 MB.");
        }

        if (!request.HasFormContentType || (await request.ReadFormAsync(cancellationToken)).Files is not { Count: > 0 } files)
        {
            return Error(StatusCodes.Status400BadRequest, "Cần gửi tệp bằng multipart/form-data (trường file) / send the file as multipart/form-data, field \"file\".");
        }

        var file = files.GetFile("file") ?? files[0];
        if (file.Length > EvidenceSniffer.MaxBytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn: tối đa 10 MB / the file is larger than 10 MB.");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return Result(await attach.RunAsync(new AlertKey(rule, unitId, period), itemId, file.FileName,
            buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken));
    }

    [Function("AcceptRemediationPlan")]
    public async Task<IActionResult> AcceptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PlanRoute + "/accept")] HttpRequest request,
        string unitId, string rule, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await LinkDeniedAsync(request, unitId, cancellationToken) is { } denied
            ? denied
            : Result(await review.AcceptAsync(new AlertKey(rule, unitId, period), Actor(request), cancellationToken));
    }

    [Function("CloseRemediationItem")]
    public async Task<IActionResult> CloseItemAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PlanRoute + "/items/{itemId}/close")] HttpRequest request,
        string unitId, string rule, string period, string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await LinkDeniedAsync(request, unitId, cancellationToken) is { } denied
            ? denied
            : Result(await review.CloseItemAsync(new AlertKey(rule, unitId, period), itemId, Actor(request), cancellationToken));
    }

    private async Task<IActionResult?> CellDeniedAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        var auth = await cells.RunAsync(unitId, request.Headers[AccessCodeHeader].FirstOrDefault(), cancellationToken);
        return auth.Succeeded ? null : Error(StatusCodes.Status403Forbidden, auth.Message);
    }

    private async Task<IActionResult?> LinkDeniedAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        var allowed = await access.AuthoriseAsync(request.Query["link"].FirstOrDefault(), LinkAction, unitId, cancellationToken);
        return allowed.Allowed ? null : Error(StatusCodes.Status403Forbidden, allowed.Message);
    }

    // Who acted, as the superior typed it (query "by"); the link itself names no person.
    private static string Actor(HttpRequest request) =>
        request.Query["by"].FirstOrDefault() is { Length: > 0 and <= 200 } by ? by : "cấp trên (liên kết ký)";

    private static ObjectResult Result(RemediationOutcome outcome) => outcome.Status switch
    {
        RemediationStatus.Created => new ObjectResult(outcome.Plan) { StatusCode = StatusCodes.Status201Created },
        RemediationStatus.Updated or RemediationStatus.Unchanged => new OkObjectResult(outcome.Plan),
        RemediationStatus.NotFound => Error(StatusCodes.Status404NotFound, outcome.Message!),
        RemediationStatus.Conflict => Error(StatusCodes.Status409Conflict, outcome.Message!),
        RemediationStatus.UnsupportedType => Error(StatusCodes.Status415UnsupportedMediaType, outcome.Message!),
        RemediationStatus.TooLarge => Error(StatusCodes.Status413PayloadTooLarge, outcome.Message!),
        _ => Error(StatusCodes.Status400BadRequest, outcome.Message!),
    };

    private static ObjectResult Error(int status, string message) => new(new { error = message }) { StatusCode = status };

    private sealed record PlanBody(IReadOnlyList<PlanItemInput>? Items);
}
