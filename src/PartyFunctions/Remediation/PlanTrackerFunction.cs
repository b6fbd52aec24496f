using PartyFunctions.Presentation.Remediation;

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
        var language = RequestReading.Language(request.Query["lang"]);
        return LinkedPage.Html(await tracker.LoadAsync(link, unitId, year, ViewPlanTracker.SortOf(request.Query["sort"].FirstOrDefault()), cancellationToken),
            found => page.Html(language, found, link));
    }

    [Function("PlanTrackerCsv")]
    public async Task<IActionResult> CsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.PlanTrackerCsv)] HttpRequest request,
        string unitId, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return LinkedPage.Csv(await tracker.LoadAsync(request.Link(), unitId, year, ViewPlanTracker.SortOf(request.Query["sort"].FirstOrDefault()), cancellationToken),
            TrackerPage.Csv, found => $"khac-phuc-{found.UnitId}-{found.Year}.csv");
    }
}
