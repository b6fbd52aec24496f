using PartyFunctions.Alerts;
using PartyFunctions.Policy;
using PartyFunctions.Presentation.Remediation;

namespace PartyFunctions.Remediation;

/// <summary>
/// <c>/api/review/{unitId}/{rule}/{period}?link=TOKEN</c>: the assigned member's (or an office's) review page, one call
/// of <see cref="ReviewDesk"/>. GET only shows it (a mail scanner prefetching the link changes nothing); POST acts with
/// the button pressed (<c>do</c>: <c>return</c>, <c>accept</c>, <c>close-N</c>, <c>reopen-N</c>, <c>close-plan</c>).
/// </summary>
public sealed class ReviewPlanFunction(ReviewDesk desk, PlanPages pages)
{
    [Function("ReviewPlanPage")]
    public async Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ReviewPlanPage)] HttpRequest request,
        string unitId, string rule, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Link();
        return Page(RequestReading.Language(request.Query["lang"]), await desk.ShowAsync(new AlertKey(rule, unitId, period), link, cancellationToken), link, null);
    }

    [Function("ReviewPlanAction")]
    public async Task<IActionResult> ActAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ReviewPlanPage)] HttpRequest request,
        string unitId, string rule, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await RequestBody.ReadTextAsync(request, "application/x-www-form-urlencoded", cancellationToken);
        var fields = body.Text is null ? new Dictionary<string, string?>(StringComparer.Ordinal) : RequestReading.FormFields(body.Text);
        var language = RequestReading.Language(fields.GetValueOrDefault("lang") ?? request.Query["lang"]);
        var link = request.Link();
        var key = new AlertKey(rule, unitId, period);
        if (body.Text is null || Parse(fields.GetValueOrDefault("do")) is not var (action, item))
        {
            var shown = await desk.ShowAsync(key, link, cancellationToken);
            return Page(language, shown with { Status = RemediationStatus.Invalid, Errors = [new Scoring.FieldError("", "do",
                body.Vi ?? "Hãy bấm một nút để chọn việc cần làm", body.En ?? "Press one of the buttons.")] }, link, fields.GetValueOrDefault("by"));
        }

        var note = action switch
        {
            ReviewAction.Return => fields.GetValueOrDefault("comment"),
            ReviewAction.CloseItem or ReviewAction.ReopenItem => fields.GetValueOrDefault("note" + item),
            _ => fields.GetValueOrDefault("note"),
        };
        var page = await desk.ActAsync(key, link, action, item, fields.GetValueOrDefault("by"), note, cancellationToken);
        return Page(language, page, link, fields.GetValueOrDefault("by"));
    }

    /// <summary>The button pressed: an action and, for an item's buttons, its number.</summary>
    public static (ReviewAction Action, string? Item)? Parse(string? pressed) => pressed switch
    {
        "return" => (ReviewAction.Return, null),
        "accept" => (ReviewAction.Accept, null),
        "close-plan" => (ReviewAction.ClosePlan, null),
        ['c', 'l', 'o', 's', 'e', '-', .. var n] when IsItem(n) => (ReviewAction.CloseItem, n),
        ['r', 'e', 'o', 'p', 'e', 'n', '-', .. var n] when IsItem(n) => (ReviewAction.ReopenItem, n),
        _ => null,
    };

    private static bool IsItem(string n) => n.Length is 1 or 2 && n.All(char.IsAsciiDigit);

    private ContentResult Page(string language, ReviewPage page, string? link, string? by) =>
        page.View is null
            ? Problems.Page(Problems.StatusOf(page.Status), page.Errors.Count > 0 ? new LocalizedText(page.Errors[0].Vi, page.Errors[0].En)
                : new LocalizedText("Không mở được kế hoạch", "The plan cannot be opened."))
            : HtmlPage.Of(Problems.StatusOf(page.Status), pages.Review(language, page, link, by));
}
