using PartyFunctions.Presentation.Submissions;

namespace PartyFunctions.Submissions;

/// <summary>
/// <c>/api/confirm/{unitId}/{period}?link=TOKEN</c>: the superior's signed link. GET only shows the sheet (a mail
/// scanner prefetching the link changes nothing); POST confirms it, corrects the points with a reason, or adopts an
/// observed score of the month with a reason.
/// </summary>
public sealed class ConfirmFunction(ConfirmScore confirm, SubmissionPages pages, ClientAddresses clients)
{
    [Function("ConfirmScoreSheet")]
    public async Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Confirm)] HttpRequest request,
        string unitId, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Link();
        var view = await confirm.ViewAsync(link, unitId, period, cancellationToken);
        var html = pages.Confirmation(RequestReading.Language(request.Query["lang"]), view, link,
            new Dictionary<string, string?>(), view.Error is { } e ? [e] : [], ReceiptId.New(), null);
        return HtmlPage.Of(StatusOf(view.Status), html);
    }

    [Function("ConfirmScore")]
    public async Task<ScoreResponse> ConfirmAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Confirm)] HttpRequest request,
        string unitId, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await RequestBody.ReadTextAsync(request, "application/x-www-form-urlencoded", cancellationToken);
        var fields = body.Text is null ? [] : RequestReading.FormFields(body.Text);
        var language = RequestReading.Language(fields.GetValueOrDefault("lang") ?? request.Query["lang"]);
        var link = fields.GetValueOrDefault("link") ?? request.Link();
        if (body.Text is null)
        {
            var view = await confirm.ViewAsync(link, unitId, period, cancellationToken);
            return new() { Result = HtmlPage.Of(body.Status, pages.Confirmation(language, view, link, fields,
                [new Scoring.FieldError("", "body", body.Vi!, body.En!)], ReceiptId.New(), null)) };
        }

        var points = fields.Where(f => f.Key.StartsWith(FormSubmission.CriteriaPrefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Key[FormSubmission.CriteriaPrefix.Length..], f => f.Value, StringComparer.Ordinal);
        var receipt = fields.GetValueOrDefault("receiptId") ?? ReceiptId.New();
        var outcome = await confirm.RunAsync(new ConfirmationInput(link, unitId, period, points, fields.GetValueOrDefault("reason"),
            fields.GetValueOrDefault("confirmerName"), fields.GetValueOrDefault("version"), receipt, clients.ClientHash(request),
            fields.GetValueOrDefault("adoptObserved")), cancellationToken);
        var html = pages.Confirmation(language, outcome.View, link, outcome.Result is null ? fields : [],
            outcome.Errors, outcome.Result is null ? receipt : ReceiptId.New(), outcome.Result);
        return new() { Result = HtmlPage.Of(StatusOf(outcome.Status), html), Event = outcome.Event };
    }

    private static int StatusOf(ConfirmationStatus status) => status switch
    {
        ConfirmationStatus.Shown or ConfirmationStatus.Confirmed => StatusCodes.Status200OK,
        ConfirmationStatus.Forbidden => StatusCodes.Status403Forbidden,
        ConfirmationStatus.NotFound => StatusCodes.Status404NotFound,
        ConfirmationStatus.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
