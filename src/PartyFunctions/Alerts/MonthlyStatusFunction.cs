using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PartyFunctions.Access;
using PartyFunctions.Http;
using PartyFunctions.Presentation;
using PartyFunctions.Presentation.Status;
using PartyFunctions.Status;
using PartyFunctions.Submissions;

namespace PartyFunctions.Alerts;

/// <summary>
/// The superiors' monthly status: <c>GET /api/status/{unitId}/{period}?link=TOKEN</c> (HTML) and
/// <c>.../csv?link=TOKEN</c> (UTF-8 CSV with BOM), and its year view: <c>GET /api/status/{unitId}/{year}/year?link=TOKEN[&amp;lang=en]</c>
/// and <c>.../csv</c>, and the attendance duty beside it: <c>GET /api/status/{unitId}/{period}/duty?link=TOKEN[&amp;lang=en]</c>.
/// The signed "view" link must cover the unit.
/// </summary>
public sealed class MonthlyStatusFunction(
    MonthlyStatus status, StatusPages pages, ViewYearGrid grid, YearGridPage yearPage, Attendance.ViewAttendanceDuty duty, DutyPage dutyPage)
{
    [Function("MonthlyStatus")]
    public async Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Status)] HttpRequest request,
        string unitId, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Link();
        var result = await status.LoadAsync(link, unitId, period, cancellationToken);
        return result.Report is { } report ? HtmlPage.Of(StatusCodes.Status200OK, pages.StatusHtml(report, link)) : Refused(result);
    }

    [Function("MonthlyStatusCsv")]
    public async Task<IActionResult> CsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.StatusCsv)] HttpRequest request,
        string unitId, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await status.LoadAsync(request.Link(), unitId, period, cancellationToken);
        return result.Report is { } report
            ? new FileContentResult(StatusPages.StatusCsv(report), ExcelCsv.ContentType) { FileDownloadName = $"trang-thai-{report.UnitId}-{report.Period}.csv" }
            : Refused(result);
    }

    [Function("YearGrid")]
    public async Task<IActionResult> YearPageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.YearGrid)] HttpRequest request,
        string unitId, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Link();
        var result = await grid.LoadAsync(link, unitId, year, cancellationToken);
        return result.Grid is { } found
            ? HtmlPage.Of(StatusCodes.Status200OK, yearPage.Html(RequestReading.Language(request.Query["lang"]), found, link))
            : Refused(result);
    }

    [Function("YearGridCsv")]
    public async Task<IActionResult> YearCsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.YearGridCsv)] HttpRequest request,
        string unitId, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await grid.LoadAsync(request.Link(), unitId, year, cancellationToken);
        return result.Grid is { } found
            ? new FileContentResult(YearGridPage.Csv(found), ExcelCsv.ContentType) { FileDownloadName = $"ca-nam-{found.UnitId}-{found.Year}.csv" }
            : Refused(result);
    }

    [Function("AttendanceDuty")]
    public async Task<IActionResult> DutyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AttendanceDuty)] HttpRequest request,
        string unitId, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Link();
        var result = await duty.LoadAsync(link, unitId, period, cancellationToken);
        return result.Report is { } report
            ? HtmlPage.Of(StatusCodes.Status200OK, dutyPage.Html(RequestReading.Language(request.Query["lang"]), report, link))
            : Problems.Page(result.Outcome == Attendance.AttendanceDutyOutcome.InvalidPeriod ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden,
                result.Message!);
    }

    private static ContentResult Refused(MonthlyStatusResult result) => Problems.Page(
        result.Outcome == MonthlyStatusOutcome.InvalidPeriod ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden, result.Message!);

    private static ContentResult Refused(YearGridResult result) => Problems.Page(
        result.Outcome == YearGridOutcome.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden, result.Message!);
}
