using PartyFunctions.Alerts;

namespace PartyFunctions.Remediation;

/// <summary>
/// Remediation plans (docs/api.md), each request one call of <see cref="RemediationRequests"/>. The unit, with its access
/// code (header <c>X-Access-Code</c>): <c>PUT</c> the plan (JSON <c>{items:[{title, owner, due}]}</c>) and
/// <c>POST .../items/{itemId}/evidence</c> (multipart, field <c>file</c>). The superior, with a signed "remediation" link
/// covering the unit: <c>POST .../return?comment=</c>, <c>.../accept</c>, <c>.../items/{itemId}/close?note=</c>,
/// <c>.../items/{itemId}/reopen?reason=</c> and <c>.../close</c>, each with <c>by=</c> the member's name (POST only: mail
/// scanners prefetch GETs). <c>GET</c> reads the plan with either.
/// </summary>
public sealed class RemediationFunctions(RemediationRequests requests, ClientAddresses clients)
{
    [Function("SubmitRemediationPlan")]
    public async Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.RemediationPlan)] HttpRequest request,
        string unitId, string rule, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await RequestBody.ReadJsonAsync<PlanRequest>(request, cancellationToken);
        return body.Refusal is { } refused
            ? Problems.Of(refused.Status, new Policy.LocalizedText(refused.Vi!, refused.En!), RequestReading.Language(request.Query["lang"]))
            : Answer(request, await requests.SubmitAsync(new AlertKey(rule, unitId, period), Code(request), clients.ClientHash(request), body.Value, cancellationToken));
    }

    [Function("GetRemediationPlan")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.RemediationPlan)] HttpRequest request,
        string unitId, string rule, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Answer(request, await requests.ReadAsync(new AlertKey(rule, unitId, period), Code(request), request.Link(),
            clients.ClientHash(request), cancellationToken));
    }

    [Function("UploadRemediationEvidence")]
    public async Task<IActionResult> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RemediationEvidence)] HttpRequest request,
        string unitId, string rule, string period, string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Answer(request, await requests.AttachAsync(new AlertKey(rule, unitId, period), itemId, Code(request), clients.ClientHash(request), request.ContentLength,
            ct => ReadFileAsync(request, ct), cancellationToken));
    }

    [Function("AcceptRemediationPlan")]
    public async Task<IActionResult> AcceptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RemediationAccept)] HttpRequest request,
        string unitId, string rule, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Answer(request, await requests.AcceptAsync(new AlertKey(rule, unitId, period), request.Link(),
            request.Query["by"].FirstOrDefault(), cancellationToken));
    }

    [Function("CloseRemediationItem")]
    public async Task<IActionResult> CloseItemAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RemediationClose)] HttpRequest request,
        string unitId, string rule, string period, string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Answer(request, await requests.CloseItemAsync(new AlertKey(rule, unitId, period), itemId, request.Link(),
            request.Query["by"].FirstOrDefault(), request.Query["note"].FirstOrDefault(), cancellationToken));
    }

    [Function("ReopenRemediationItem")]
    public async Task<IActionResult> ReopenItemAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RemediationReopen)] HttpRequest request,
        string unitId, string rule, string period, string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Answer(request, await requests.ReopenItemAsync(new AlertKey(rule, unitId, period), itemId, request.Link(),
            request.Query["by"].FirstOrDefault(), request.Query["reason"].FirstOrDefault(), cancellationToken));
    }

    [Function("ReturnRemediationPlan")]
    public async Task<IActionResult> ReturnAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RemediationReturn)] HttpRequest request,
        string unitId, string rule, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Answer(request, await requests.ReturnAsync(new AlertKey(rule, unitId, period), request.Link(),
            request.Query["by"].FirstOrDefault(), request.Query["comment"].FirstOrDefault(), cancellationToken));
    }

    [Function("CloseRemediationPlan")]
    public async Task<IActionResult> ClosePlanAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RemediationClosePlan)] HttpRequest request,
        string unitId, string rule, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Answer(request, await requests.ClosePlanAsync(new AlertKey(rule, unitId, period), request.Link(),
            request.Query["by"].FirstOrDefault(), request.Query["note"].FirstOrDefault(), cancellationToken));
    }

    private static CellCredential Code(HttpRequest request) => new(request.AccessCode());

    /// <summary>
    /// The form's file named "file" (or its first file), read within the upload limit even when the request declares no
    /// length; null when the request is not a multipart form with a file.
    /// </summary>
    public static async Task<EvidenceUpload?> ReadFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        var upload = await RequestBody.ReadFileAsync(request, RemediationRequests.MaxUploadRequestBytes, "file", cancellationToken);
        return upload.TooLarge ? EvidenceUpload.TooLarge
            : upload.Content is { } content ? new EvidenceUpload(upload.FileName, content.Length, _ => Task.FromResult<ReadOnlyMemory<byte>>(content))
            : null;
    }

    private static ObjectResult Answer(HttpRequest request, RemediationOutcome outcome) => outcome.Status switch
    {
        RemediationStatus.Created => new ObjectResult(outcome.Plan) { StatusCode = StatusCodes.Status201Created },
        RemediationStatus.Updated or RemediationStatus.Unchanged or RemediationStatus.Found => new OkObjectResult(outcome.Plan),
        var status => Problems.Of(Problems.StatusOf(status), outcome.Errors, RequestReading.Language(request.Query["lang"])),
    };
}
