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
/// The monthly status's year view: <c>GET /api/status/{unitId}/{year}/year?link=TOKEN[&amp;lang=en]</c> (HTML) and
/// <c>.../csv?link=TOKEN</c> (UTF-8 CSV with BOM). The signed "view" link of the status page must cover the unit.
/// </summary>
public sealed class YearGridFunction(ViewYearGrid grid, YearGridPage page)
{
    [Function("YearGrid")]
    public async Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.YearGrid)] HttpRequest request,
        string unitId, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Query["link"].FirstOrDefault();
        var result = await grid.LoadAsync(link, unitId, year, cancellationToken);
        return result.Grid is { } found
            ? HtmlPage.Of(StatusCodes.Status200OK, page.Html(RequestReading.Language(request.Query["lang"]), found, link))
            : Refused(result);
    }

    [Function("YearGridCsv")]
    public async Task<IActionResult> CsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.YearGridCsv)] HttpRequest request,
        string unitId, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await grid.LoadAsync(request.Query["link"].FirstOrDefault(), unitId, year, cancellationToken);
        return result.Grid is { } found
            ? new FileContentResult(YearGridPage.Csv(found), ExcelCsv.ContentType) { FileDownloadName = $"ca-nam-{found.UnitId}-{found.Year}.csv" }
            : Refused(result);
    }

    private static ContentResult Refused(YearGridResult result) => Problems.Page(
        result.Outcome == YearGridOutcome.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden, result.Message!);
}
