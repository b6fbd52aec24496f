using System.Net.Http.Headers;
using PartyFunctions.Alerts;

namespace PartyFunctions.Remediation;

/// <summary>
/// <c>GET /api/remediation/{unitId}/{rule}/{period}/items/{itemId}/evidence/{sha256}</c> with the cell's <c>session</c> or
/// the member's <c>link</c>: the document as uploaded. Images are shown inline (the pages' thumbnails), anything else
/// is an attachment; the content type is the one its bytes showed, and the answer may not run anything.
/// </summary>
public sealed class EvidenceFileFunction(RemediationRequests requests, ClientAddresses clients)
{
    [Function("RemediationEvidenceFile")]
    public async Task<IActionResult> ReadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.RemediationEvidenceFile)] HttpRequest request,
        string unitId, string rule, string period, string itemId, string sha, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = await requests.ReadEvidenceAsync(new AlertKey(rule, unitId, period), itemId, sha,
            new CellCredential(null, request.Query["session"].FirstOrDefault()), request.Link(), clients.ClientHash(request), cancellationToken);
        if (read.File is not { } file || read.Content is not { } content)
        {
            return Problems.Of(Problems.StatusOf(read.Outcome.Status), read.Outcome.Errors, RequestReading.Language(request.Query["lang"]));
        }

        var headers = request.HttpContext.Response.Headers;
        headers.ContentDisposition = new ContentDispositionHeaderValue(file.IsImage ? "inline" : "attachment") { FileNameStar = file.FileName }.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, no-store";
        return new FileContentResult(content, file.ContentType);
    }
}
