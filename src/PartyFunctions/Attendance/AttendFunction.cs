using PartyFunctions.Presentation.Attendance;
using PartyFunctions.Scoring;

namespace PartyFunctions.Attendance;

/// <summary>
/// <c>/api/attend/{unitId}?link=TOKEN[&amp;period=yyyy-MM][&amp;lang=en]</c>: a committee member's record of attending a
/// unit's meeting, as a form. GET shows the member's record of that month (empty if none) and changes nothing; POST
/// stores it, or answers the form again with each error beside its field. A link that does not cover the unit gets the
/// error page.
/// </summary>
public sealed class AttendFunction(RecordAttendance record, AttendancePages pages, ClientAddresses clients)
{
    [Function("AttendanceForm")]
    public async Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Attend)] HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = request.Link();
        var view = await record.ViewAsync(link, unitId, request.Query["period"].FirstOrDefault(), cancellationToken);
        return Answer(RequestReading.Language(request.Query["lang"]), view, link, new Dictionary<string, string?>(), ReceiptId.New());
    }

    [Function("RecordAttendanceForm")]
    public async Task<IActionResult> RecordAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Attend)] HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await RequestBody.ReadTextAsync(request, AttendanceForm.ContentType, cancellationToken);
        var fields = body.Text is null ? [] : RequestReading.FormFields(body.Text);
        var language = RequestReading.Language(fields.GetValueOrDefault("lang") ?? request.Query["lang"]);
        var link = fields.GetValueOrDefault("link") ?? request.Link();
        if (body.Text is null)
        {
            var view = await record.ViewAsync(link, unitId, null, cancellationToken);
            return Answer(language, view with { Status = AttendanceStatus.Invalid, Errors = [new FieldError("", "body", body.Vi!, body.En!)] },
                link, fields, ReceiptId.New(), body.Status);
        }

        var outcome = await record.RunAsync(AttendanceForm.Read(unitId, fields, link, clients.ClientHash(request)), cancellationToken);
        var sent = fields.GetValueOrDefault("receiptId");
        var fresh = outcome.Succeeded || string.IsNullOrEmpty(sent) || outcome.Errors.Any(e => e.Code is "receipt-reused" or "receipt-id");
        return Answer(language, outcome, link, outcome.Succeeded ? new Dictionary<string, string?>() : fields, fresh ? ReceiptId.New() : sent!);
    }

    private ContentResult Answer(
        string language, AttendanceOutcome outcome, string? link, IReadOnlyDictionary<string, string?> typed, string receipt, int? status = null) =>
        outcome.Status == AttendanceStatus.Forbidden
            ? Problems.Page(StatusCodes.Status403Forbidden, Message(outcome.Errors[0]))
            : HtmlPage.Of(status ?? (outcome.Succeeded ? StatusCodes.Status200OK : Problems.StatusOf(outcome.Status)), pages.Page(language, outcome, link, typed, receipt));

    private static Policy.LocalizedText Message(FieldError error) => new(error.Vi, error.En);
}
