using PartyFunctions.Presentation;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// <c>GET /api/reports/{year}/{unitId}?link=TOKEN[&amp;format=csv]</c>: a superior opens its annual report from the signed
/// "report" link in its email (<see cref="ReadAnnualReport"/>). HTML by default, CSV (UTF-8 with BOM) on request.
/// </summary>
public sealed class AnnualReportFunction(ReadAnnualReport read)
{
    [Function("AnnualReport")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Report)] HttpRequest request,
        int year,
        string unitId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var csv = string.Equals(request.Query["format"].FirstOrDefault(), "csv", StringComparison.OrdinalIgnoreCase);
        var report = await read.RunAsync(request.Link(), year, unitId, csv ? ReportFormat.Csv : ReportFormat.Html, cancellationToken);
        return report switch
        {
            { Status: AnnualReportReadStatus.LinkRefused } => Problems.Page(StatusCodes.Status403Forbidden, report.Message!),
            { Content: null } => Problems.Page(StatusCodes.Status404NotFound, report.Message!),
            _ when csv => new FileContentResult(ExcelCsv.Bytes(report.Content), ExcelCsv.ContentType) { FileDownloadName = $"xep-loai-{year}-{unitId}.csv" },
            _ => HtmlPage.Of(StatusCodes.Status200OK, report.Content),
        };
    }
}
