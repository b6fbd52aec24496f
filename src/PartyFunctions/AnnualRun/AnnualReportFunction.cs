using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PartyFunctions.Access;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// <c>GET /api/reports/{year}/{unitId}?link=TOKEN[&amp;format=csv]</c>: a superior opens its annual report from the signed
/// "report" link in its email; the link's scope must contain the unit. HTML by default, CSV (UTF-8 with BOM) on request.
/// </summary>
public sealed class AnnualReportFunction(SubtreeAccess access, IReportStore reports)
{
    public const string ReportAction = AnnualRunLinks.ReportAction;

    [Function("AnnualReport")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year:int}/{unitId}")] HttpRequest request,
        int year,
        string unitId,
        CancellationToken cancellationToken)
    {
        var allowed = await access.AuthoriseAsync(request.Query["link"].FirstOrDefault(), ReportAction, unitId, cancellationToken);
        if (!allowed.Allowed)
        {
            return new ContentResult { StatusCode = StatusCodes.Status403Forbidden, Content = allowed.Message, ContentType = "text/plain; charset=utf-8" };
        }

        var csv = string.Equals(request.Query["format"].FirstOrDefault(), "csv", StringComparison.OrdinalIgnoreCase);
        var content = await reports.GetAsync(year, unitId, csv ? ReportFormat.Csv : ReportFormat.Html, cancellationToken);
        if (content is null)
        {
            return new ContentResult { StatusCode = StatusCodes.Status404NotFound, Content = $"Chưa có báo cáo năm {year} / no report yet.", ContentType = "text/plain; charset=utf-8" };
        }

        return csv
            ? new FileContentResult([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(content)], "text/csv; charset=utf-8")
            {
                FileDownloadName = $"xep-loai-{year}-{unitId}.csv",
            }
            : new ContentResult { Content = content, ContentType = "text/html; charset=utf-8", StatusCode = StatusCodes.Status200OK };
    }
}
