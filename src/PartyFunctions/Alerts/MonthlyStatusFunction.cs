using PartyFunctions.Presentation.Status;
using PartyFunctions.Status;

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
        return LinkedPage.Html(await status.LoadAsync(link, unitId, period, cancellationToken), report => pages.StatusHtml(report, link));
    }

    [Function("MonthlyStatusCsv")]
    public async Task<IActionResult> CsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.StatusCsv)] HttpRequest request,
        string unitId, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return LinkedPage.Csv(await status.LoadAsync(request.Link(), unitId, period, cancellationToken),
            StatusPages.StatusCsv, report => $"trang-thai-{report.UnitId}-{report.Period}.csv");
    }

    [Function("YearGrid")]
    public async Task<IActionResult> YearPageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.YearGrid)] HttpRequest request,
        string unitId, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Link();
        var language = RequestReading.Language(request.Query["lang"]);
        return LinkedPage.Html(await grid.LoadAsync(link, unitId, year, cancellationToken), found => yearPage.Html(language, found, link));
    }

    [Function("YearGridCsv")]
    public async Task<IActionResult> YearCsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.YearGridCsv)] HttpRequest request,
        string unitId, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return LinkedPage.Csv(await grid.LoadAsync(request.Link(), unitId, year, cancellationToken),
            YearGridPage.Csv, found => $"ca-nam-{found.UnitId}-{found.Year}.csv");
    }

    [Function("AttendanceDuty")]
    public async Task<IActionResult> DutyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AttendanceDuty)] HttpRequest request,
        string unitId, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Link();
        var language = RequestReading.Language(request.Query["lang"]);
        return LinkedPage.Html(await duty.LoadAsync(link, unitId, period, cancellationToken), report => dutyPage.Html(language, report, link));
    }
}
