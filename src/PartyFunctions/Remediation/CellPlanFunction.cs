using System.Globalization;
using PartyFunctions.Alerts;
using PartyFunctions.Presentation.Remediation;

namespace PartyFunctions.Remediation;

/// <summary>
/// The cell's plan pages (docs/remediation.md), each request one call of <see cref="CellPlanDesk"/>:
/// <c>GET /api/plan</c> signs in with the unit's code (<c>POST</c>), then opens its plan or lists them;
/// <c>GET /api/plan/{unitId}/{rule}/{period}</c> (the link in the cell's email) asks for the code, then
/// <c>POST</c> the same address saves a draft, submits, or adds rows (<c>do</c>); <c>POST .../evidence</c> uploads a file.
/// </summary>
public sealed class CellPlanFunction(CellPlanDesk desk, PlanPages pages, ClientAddresses clients)
{
    private const string FormType = "application/x-www-form-urlencoded";
    private const int RowsAdded = 3;

    [Function("CellPlanHome")]
    public IActionResult Home([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CellPlanHome)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HtmlPage.Of(StatusCodes.Status200OK, pages.SignIn(Language(request, null), UnitParameter(request), [], Routes.Path(Routes.CellPlanHome)));
    }

    [Function("CellPlanSignIn")]
    public async Task<IActionResult> SignInAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CellPlanHome)] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = await FieldsAsync(request, cancellationToken);
        var language = Language(request, fields);
        var signIn = await desk.SignInAsync(fields.GetValueOrDefault("unitId"), fields.GetValueOrDefault("accessCode"), clients.ClientHash(request), cancellationToken);
        if (signIn.Session is null)
        {
            return HtmlPage.Of(Problems.StatusOf(signIn.Status), pages.SignIn(language, fields.GetValueOrDefault("unitId"), signIn.Errors, Routes.Path(Routes.CellPlanHome)));
        }

        // One plan: straight to it. None or several: the list.
        return signIn.Plans.Count == 1
            ? Plan(language, await desk.ShowAsync(signIn.Plans[0].Key, new CellCredential(null, signIn.Session), clients.ClientHash(request), cancellationToken), null, 0)
            : HtmlPage.Of(StatusCodes.Status200OK, pages.Choose(language, signIn));
    }

    [Function("CellPlanPage")]
    public async Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CellPlanPage)] HttpRequest request,
        string unitId, string rule, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = Language(request, null);
        var key = new AlertKey(rule, unitId, period);
        return request.Query["session"].FirstOrDefault() is { Length: > 0 } session
            ? Plan(language, await desk.ShowAsync(key, new CellCredential(null, session), clients.ClientHash(request), cancellationToken), null, 0, key)
            : HtmlPage.Of(StatusCodes.Status200OK, pages.SignIn(language, unitId, [], Routes.Path(Routes.CellPlanPage, unitId, rule, period)));
    }

    [Function("CellPlanAction")]
    public async Task<IActionResult> ActAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CellPlanPage)] HttpRequest request,
        string unitId, string rule, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = await FieldsAsync(request, cancellationToken);
        var language = Language(request, fields);
        var key = new AlertKey(rule, unitId, period);
        var credential = fields.GetValueOrDefault("session") is { Length: > 0 } session
            ? new CellCredential(null, session)
            : new CellCredential(fields.GetValueOrDefault("accessCode"));
        var client = clients.ClientHash(request);
        var items = Items(fields);
        return fields.GetValueOrDefault("do") switch
        {
            "save" or "submit" => Plan(language, await desk.SaveAsync(key, credential, client, items, fields["do"] == "submit", cancellationToken), items, 0, key),
            "more" => Plan(language, await desk.ShowAsync(key, credential, client, cancellationToken), items, RowsAdded, key),
            _ => Plan(language, await desk.ShowAsync(key, credential, client, cancellationToken), null, 0, key),
        };
    }

    [Function("CellPlanEvidence")]
    public async Task<IActionResult> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CellPlanEvidence)] HttpRequest request,
        string unitId, string rule, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = new AlertKey(rule, unitId, period);
        var page = await desk.AttachAsync(key, request.Query["item"].FirstOrDefault(), new CellCredential(null, request.Query["session"].FirstOrDefault()),
            clients.ClientHash(request), request.ContentLength, ct => RemediationFunctions.ReadFileAsync(request, ct), cancellationToken);
        return Plan(Language(request, null), page, null, 0, key);
    }

    /// <summary>The rows as typed: <c>title1, owner1, due1, cover1-2</c>...; a row left wholly empty is not an item.</summary>
    public static List<PlanItemInput> Items(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var items = new List<PlanItemInput>();
        for (var n = 1; n <= SubmitRemediationPlan.MaxItems + RowsAdded; n++)
        {
            string? Field(string name) => fields.GetValueOrDefault(string.Create(CultureInfo.InvariantCulture, $"{name}{n}"))?.Trim() is { Length: > 0 } v ? v : null;
            var prefix = string.Create(CultureInfo.InvariantCulture, $"cover{n}-");
            var covers = fields.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal) && f.Value == "on").Select(f => f.Key[prefix.Length..]).ToList();
            if (Field("title") is null && Field("owner") is null && Field("due") is null && covers.Count == 0)
            {
                continue;
            }

            items.Add(new PlanItemInput(Field("title"), Field("owner"), Field("due"), covers));
        }

        return items;
    }

    private ContentResult Plan(string language, CellPlanPage page, IReadOnlyList<PlanItemInput>? typed, int extraRows, AlertKey? key = null)
    {
        var status = Problems.StatusOf(page.Status);
        if (page.View is null)
        {
            var action = key is null ? Routes.Path(Routes.CellPlanHome) : Routes.Path(Routes.CellPlanPage, key.UnitId, key.Rule, key.Period);
            return HtmlPage.Of(status, pages.SignIn(language, key?.UnitId, page.Errors.Select(e => e with { Field = "accessCode" }).ToList(), action));
        }

        // Refused items are shown as typed; saved ones as stored.
        return HtmlPage.Of(status, pages.CellPlan(language, page, page.Errors.Count > 0 || extraRows > 0 ? typed : null, extraRows));
    }

    private static async Task<Dictionary<string, string?>> FieldsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadTextAsync(request, FormType, cancellationToken);
        return body.Text is null ? new Dictionary<string, string?>(StringComparer.Ordinal) : RequestReading.FormFields(body.Text);
    }

    private static string Language(HttpRequest request, IReadOnlyDictionary<string, string?>? fields) =>
        RequestReading.Language(fields?.GetValueOrDefault("lang") ?? request.Query["lang"]);

    private static string? UnitParameter(HttpRequest request) => request.Query["unit"].FirstOrDefault() is { Length: > 0 and <= Organisation.UnitPath.MaxIdLength } unit ? unit : null;
}
