using PartyFunctions.Hosting;
using PartyFunctions.Organisation;
using PartyFunctions.Presentation.Submissions;
using PartyFunctions.Scoring;

namespace PartyFunctions.Submissions;

/// <summary>
/// <c>GET /api/form</c>: the cell secretary's monthly form (Vietnamese; <c>?lang=en</c>); <c>POST /api/form</c>: the same
/// form sent back, answered with a receipt page, or the form again with the values kept and each error beside its field.
/// </summary>
public sealed class FormFunction(SubmitScore submit, SubmissionForm form, SubmissionPages pages, ClientAddresses clients)
{
    private const string FormType = "application/x-www-form-urlencoded";

    [Function("SubmissionForm")]
    public IActionResult Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Form)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (request.Query["unit"].FirstOrDefault() is { Length: > 0 and <= UnitPath.MaxIdLength } unit)
        {
            values["unitId"] = unit;
        }

        return Page(StatusCodes.Status200OK, RequestReading.Language(request.Query["lang"]), values, [], ReceiptId.New());
    }

    [Function("SubmitForm")]
    public async Task<ScoreResponse> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Form)] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await RequestBody.ReadTextAsync(request, FormType, cancellationToken);
        if (body.Text is null)
        {
            return new() { Result = Page(body.Status, RequestReading.Language(request.Query["lang"]), new Dictionary<string, string?>(),
                [new FieldError("", "body", body.Vi!, body.En!)], ReceiptId.New()) };
        }

        var fields = RequestReading.FormFields(body.Text);
        var language = RequestReading.Language(fields.GetValueOrDefault("lang") ?? request.Query["lang"]);
        SubmissionOutcome outcome;
        try
        {
            outcome = await submit.RunAsync(new FormSubmission(fields, clients.ClientHash(request)), cancellationToken);
        }
        catch (Exception ex) when (StorageOutage.Is(ex, cancellationToken))
        {
            // The form again with every value and the same receipt: sending it again later is safe and retypes nothing.
            return new() { Result = StorageOutage.Page(Page(StatusCodes.Status503ServiceUnavailable, language, fields,
                [new FieldError("", StorageOutage.Code, StorageOutage.Vi, StorageOutage.En)], fields.GetValueOrDefault("receiptId") ?? ReceiptId.New())) };
        }

        if (outcome.Recorded is { } recorded)
        {
            var html = pages.Receipt(language, recorded, form.PackOf(recorded.Score), outcome.Status == SubmissionStatus.Replayed);
            return new() { Result = HtmlPage.Of(StatusCodes.Status200OK, html), Event = recorded.Event };
        }

        return new() { Result = Page(Problems.StatusOf(outcome.Status), language, fields, outcome.Errors,
            outcome.ReceiptToResend(fields.GetValueOrDefault("receiptId"))) };
    }

    private ContentResult Page(int status, string language, IReadOnlyDictionary<string, string?> values, IReadOnlyList<FieldError> errors, string receipt)
    {
        var setting = form.For(values.GetValueOrDefault("period"));
        return HtmlPage.Of(status, pages.Form(language, setting.Pack, values, errors, setting.Today, receipt));
    }
}
