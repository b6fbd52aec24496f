using System.Globalization;

namespace PartyFunctions.Attendance;

/// <summary>
/// The attendance API (docs/api.md): <c>PUT /api/attendance/{unitId}/{period}?link=</c> records the link holder's
/// attendance of that month (201), or amends it when <c>If-Match</c> names the stored version (200); <c>GET</c> reads it.
/// Answers carry the version as the <c>ETag</c>. Errors are RFC 9457 problem details.
/// </summary>
public sealed class AttendanceFunction(RecordAttendance record, ClientAddresses clients)
{
    [Function("RecordAttendanceJson")]
    public async Task<IActionResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.Attendance)] HttpRequest request,
        string unitId, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestReading.Language(request.Query["lang"]);
        var body = await RequestBody.ReadTextAsync(request, AttendanceJson.ContentType, cancellationToken);
        if (body.Text is null)
        {
            return Problems.Of(body.Status, new Policy.LocalizedText(body.Vi!, body.En!), language);
        }

        var input = AttendanceJson.Read(unitId, period, body.Text, request.Link(),
            Version(request.Headers.IfMatch.FirstOrDefault()), clients.ClientHash(request));
        return Answer(request, await record.RunAsync(input, cancellationToken), language);
    }

    [Function("GetAttendance")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Attendance)] HttpRequest request,
        string unitId, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestReading.Language(request.Query["lang"]);
        var view = await record.ViewAsync(request.Link(), unitId, period, cancellationToken);
        return view is { Status: AttendanceStatus.Shown, Stored: null }
            ? Problems.Of(StatusCodes.Status404NotFound, [AttendanceErrors.NotFound()], language)
            : Answer(request, view, language);
    }

    private static ObjectResult Answer(HttpRequest request, AttendanceOutcome outcome, string language)
    {
        var status = Problems.StatusOf(outcome.Status);
        if (outcome.Errors.Count > 0 || outcome.Stored is not { Record: { } stored })
        {
            return Problems.Of(status, outcome.Errors, language);
        }

        request.HttpContext.Response.Headers.ETag = $"\"{stored.Version.ToString(CultureInfo.InvariantCulture)}\"";
        return new ObjectResult(stored) { StatusCode = status };
    }

    /// <summary>The version an If-Match names: <c>"3"</c>, <c>W/"3"</c> or <c>3</c>; anything else is passed on for the use case to refuse.</summary>
    private static string? Version(string? ifMatch) =>
        ifMatch?.Trim() is { Length: > 0 } tag ? (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag).Trim('"') : null;
}
