using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PartyFunctions.Access;

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
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "admin/classification/{year:int}")] HttpRequest request,
        int year,
        CancellationToken cancellationToken)
    {
        if (admin.Deny(request) is { } denied)
        {
            return denied;
        }

        if (!TryMonth(request.Query["through"].FirstOrDefault(), out var through) || year is < 2000 or > 2100)
        {
            return new BadRequestObjectResult(new { error = "Năm phải từ 2000 đến 2100 và tháng (through) từ 1 đến 12 / year 2000-2100, through 1-12." });
        }

        var started = await start.RunAsync(year, through, resume: true, cancellationToken);
        return started.Refusal is { } refusal
            ? new ConflictObjectResult(new { error = refusal })
            : new AcceptedResult($"/api/admin/classification/{year}", new { started.Run, started.ShardsDispatched });
    }

    [Function("ClassificationRunStatus")]
    public async Task<IActionResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "admin/classification/{year:int}")] HttpRequest request,
        int year,
        CancellationToken cancellationToken)
    {
        if (admin.Deny(request) is { } denied)
        {
            return denied;
        }

        return await status.RunAsync(year, cancellationToken) is { } found
            ? new OkObjectResult(found)
            : new NotFoundObjectResult(new { error = $"Chưa có đợt xếp loại năm {year} / no run for {year}." });
    }

    private static bool TryMonth(string? text, out int? month)
    {
        month = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 12)
        {
            month = value;
            return true;
        }

        return false;
    }
}
