using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PartyFunctions.Status;

namespace PartyFunctions.Alerts;

/// <summary>
/// The superiors' monthly status: <c>GET /api/status/{unitId}/{period}?link=TOKEN</c> (HTML) and
/// <c>.../csv?link=TOKEN</c> (UTF-8 CSV with BOM). The signed "view" link must cover the unit.
/// </summary>
public sealed class MonthlyStatusFunction(MonthlyStatus status, PageRenderer pages)
{
    [Function("MonthlyStatus")]
    public async Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status/{unitId}/{period}")] HttpRequest request,
        string unitId, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Query["link"].FirstOrDefault();
        var result = await status.LoadAsync(link, unitId, period, cancellationToken);
        return result.Report is null
            ? Refused(result)
            : new ContentResult
            {
                Content = pages.StatusHtml(result.Report, $"/api/status/{Uri.EscapeDataString(unitId)}/{result.Report.Period}/csv?link={Uri.EscapeDataString(link ?? string.Empty)}"),
                ContentType = "text/html; charset=utf-8",
            };
    }

    [Function("MonthlyStatusCsv")]
    public async Task<IActionResult> CsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status/{unitId}/{period}/csv")] HttpRequest request,
        string unitId, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await status.LoadAsync(request.Query["link"].FirstOrDefault(), unitId, period, cancellationToken);
        return result.Report is null
            ? Refused(result)
            : new FileContentResult(PageRenderer.StatusCsv(result.Report), "text/csv; charset=utf-8")
            {
                FileDownloadName = $"trang-thai-{result.Report.UnitId}-{result.Report.Period}.csv",
            };
    }

    private static ContentResult Refused(MonthlyStatusResult result) => new()
    {
        Content = System.Net.WebUtility.HtmlEncode(result.Message),
        ContentType = "text/plain; charset=utf-8",
        StatusCode = result.StatusCode,
    };
}
