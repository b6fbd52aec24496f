using PartyFunctions.Policy;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// Administrators start or resume a year's run (<c>POST /api/admin/classification/{year}[?through=11]</c>: 202) and
/// read its status (<c>GET</c>: 200, or 404 before it started). Function key, plus the PartyAdmin role where App
/// Service Authentication is on.
/// </summary>
public sealed class ClassificationRunFunctions(StartClassificationRun start, GetClassificationRunStatus status, AdminPrincipal admin)
{
    [Function("StartClassificationRun")]
    public async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminClassification)] HttpRequest request,
        int year,
        CancellationToken cancellationToken)
    {
        if (admin.Deny(request) is { } denied)
        {
            return denied;
        }

        var started = await start.RunAsync(year, Month(request.Query["through"].FirstOrDefault()), resume: true, cancellationToken);
        return started.Refusal is { } refusal
            ? Problems.Of(started.InvalidRequest ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict, refusal, RequestReading.Language(request.Query["lang"]))
            : new AcceptedResult(Routes.Path(Routes.AdminClassification, year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new { started.Run, started.ShardsDispatched });
    }

    [Function("ClassificationRunStatus")]
    public async Task<IActionResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminClassification)] HttpRequest request,
        int year,
        CancellationToken cancellationToken)
    {
        if (admin.Deny(request) is { } denied)
        {
            return denied;
        }

        return await status.RunAsync(year, cancellationToken) is { } found
            ? new OkObjectResult(found)
            : Problems.Of(StatusCodes.Status404NotFound, new LocalizedText($"Chưa có đợt xếp loại năm {year}.", $"No run for {year}."),
                RequestReading.Language(request.Query["lang"]));
    }

    /// <summary>The month given, or null when none; text that is no number becomes 0, which the use case refuses.</summary>
    private static int? Month(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : 0;
}
