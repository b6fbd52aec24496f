using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PartyFunctions.Access;
using PartyFunctions.Http;
using PartyFunctions.Presentation;
using PartyFunctions.Presentation.Remediation;
using PartyFunctions.Submissions;

namespace PartyFunctions.Remediation;

/// <summary>
/// The committee's tracker of a year's remediation plans: <c>GET /api/tracker/{unitId}/{year}?link=TOKEN[&amp;sort=late|waiting|unit][&amp;lang=en]</c>
/// (HTML) and <c>.../csv?link=TOKEN</c> (UTF-8 CSV with BOM). The signed "view" link must cover the unit.
/// </summary>
public sealed class PlanTrackerFunction(ViewPlanTracker tracker, TrackerPage page)
{
    [Function("PlanTracker")]
    public async Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.PlanTracker)] HttpRequest request,
        string unitId, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Link();
        var result = await tracker.LoadAsync(link, unitId, year, ViewPlanTracker.SortOf(request.Query["sort"].FirstOrDefault()), cancellationToken);
        return result.Tracker is { } found
            ? HtmlPage.Of(StatusCodes.Status200OK, page.Html(RequestReading.Language(request.Query["lang"]), found, link))
            : Refused(result);
    }

    [Function("PlanTrackerCsv")]
    public async Task<IActionResult> CsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.PlanTrackerCsv)] HttpRequest request,
        string unitId, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await tracker.LoadAsync(request.Link(), unitId, year,
            ViewPlanTracker.SortOf(request.Query["sort"].FirstOrDefault()), cancellationToken);
        return result.Tracker is { } found
            ? new FileContentResult(TrackerPage.Csv(found), ExcelCsv.ContentType) { FileDownloadName = $"khac-phuc-{found.UnitId}-{found.Year}.csv" }
            : Refused(result);
    }

    private static ContentResult Refused(PlanTrackerResult result) => Problems.Page(
        result.Outcome == PlanTrackerOutcome.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden, result.Message!);
}
