using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using PartyFunctions.Access;
using PartyFunctions.Organisation;
using PartyFunctions.Remediation;
using PartyFunctions.Scoring;

namespace PartyFunctions.Presentation.Remediation;

/// <summary>
/// Renders the cell's plan pages (sign in, choose a plan, write and revise it, upload evidence) and the member's review
/// page from the Liquid templates in Templates/Remediation, Vietnamese first. Both show why the unit must remediate
/// (the alert, the year's months and the proposed level), the superior's findings, the items with their evidence, and
/// the history. No JavaScript: more rows come from a button, each action is a form post.
/// </summary>
public sealed partial class PlanPages(TimeProvider clock)
{
    /// <summary>Empty rows offered under a plan's items (a new plan gets more).</summary>
    public const int BlankRows = 1;
    public const int BlankRowsForNewPlan = 3;

    private readonly TemplateOptions options = LiquidTemplates.Options();
    private readonly Dictionary<string, IFluidTemplate> templates =
        new[] { "plan-signin", "plan-choose", "plan", "review" }.ToDictionary(n => n, LiquidTemplates.Get, StringComparer.Ordinal);

    /// <summary>The sign-in page; <paramref name="action"/> is where it posts (the plan's own address when known).</summary>
    public string SignIn(string language, string? unitId, IReadOnlyList<FieldError> errors, string action)
    {
        var model = Model(language, errors, ["unitId", "accessCode"]);
        model["unitId"] = unitId;
        model["action"] = action;
        model["otherLangUrl"] = OtherLanguage(action, language);
        return Render("plan-signin", model);
    }

    /// <summary>After signing in at the home page: the unit's open plans, each opened with the session.</summary>
    public string Choose(string language, CellSignIn signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        var en = language == "en";
        var model = Model(language, signIn.Errors, []);
        model["session"] = signIn.Session;
        model["plans"] = signIn.Plans.Select(a => new Dictionary<string, object?>
        {
            ["action"] = Routes.Path(Routes.CellPlanPage, a.Key.UnitId, a.Key.Rule, a.Key.Period),
            ["label"] = $"{Wording.Rule(a.Key.Rule, en)} – {Wording.Month(a.Key.Period, en)}",
        }).ToList();
        model["otherLangUrl"] = OtherLanguage(Routes.Path(Routes.CellPlanHome), language);
        return Render("plan-choose", model);
    }

    /// <summary>
    /// The cell's plan page. <paramref name="typed"/> are the items as the secretary sent them when they were refused
    /// (kept, each error beside its field); <paramref name="extraRows"/> more empty rows when asked for.
    /// </summary>
    public string CellPlan(string language, CellPlanPage page, IReadOnlyList<PlanItemInput>? typed = null, int extraRows = 0)
    {
        ArgumentNullException.ThrowIfNull(page);
        var view = page.View ?? throw new ArgumentException("A refused page is rendered as the sign-in page.", nameof(page));
        var en = language == "en";
        var rows = typed ?? view.Plan?.Items.Select(i => new PlanItemInput(i.Title, i.Owner, i.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Findings)).ToList() ?? [];
        var count = Math.Min(SubmitRemediationPlan.MaxItems, rows.Count + extraRows + (rows.Count == 0 ? BlankRowsForNewPlan : BlankRows));
        var fieldIds = new List<string>();
        var model = Common(language, view, page.Errors, page.Done, evidenceQuery: "session=" + Uri.EscapeDataString(page.Session ?? string.Empty));
        model["session"] = page.Session;
        model["action"] = Routes.Path(Routes.CellPlanPage, view.Key.UnitId, view.Key.Rule, view.Key.Period);
        model["evidenceAction"] = Routes.Path(Routes.CellPlanEvidence, view.Key.UnitId, view.Key.Rule, view.Key.Period);
        model["editable"] = view.Plan is null || view.Plan.IsEditableByCell;
        model["draftable"] = view.Plan is null || view.Plan.State == PlanState.Draft;
        model["rows"] = Enumerable.Range(1, count).Select(n =>
        {
            var row = n <= rows.Count ? rows[n - 1] : null;
            string Id(string name) => string.Create(CultureInfo.InvariantCulture, $"{name}{n}");
            fieldIds.AddRange([Id("title"), Id("owner"), Id("due")]);
            return new Dictionary<string, object?>
            {
                ["n"] = n,
                ["title"] = row?.Title,
                ["owner"] = row?.Owner,
                // A date the picker can show goes back as yyyy-MM-dd; anything else as typed, in a text box, to be corrected.
                ["due"] = SubmitRemediationPlan.ParseDue(row?.Due) is { } due ? due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : row?.Due,
                ["dueIsDate"] = row?.Due is null || SubmitRemediationPlan.ParseDue(row.Due) is not null,
                ["titleError"] = ErrorOf(page.Errors, Id("title"), en),
                ["ownerError"] = ErrorOf(page.Errors, Id("owner"), en),
                ["dueError"] = ErrorOf(page.Errors, Id("due"), en),
                ["coversError"] = ErrorOf(page.Errors, Id("covers"), en),
                ["covers"] = view.Findings.Select(f => new Dictionary<string, object?>
                {
                    ["id"] = f.Id,
                    ["name"] = string.Create(CultureInfo.InvariantCulture, $"cover{n}-{f.Id}"),
                    ["text"] = f.Text,
                    ["checked"] = row?.Covers?.Contains(f.Id, StringComparer.Ordinal) == true,
                }).ToList(),
            };
        }).ToList();
        Summarise(model, page.Errors, fieldIds, en);
        model["otherLangUrl"] = OtherLanguage((string)model["action"]!, language);
        return Render("plan", model);
    }

    /// <summary>The member's review page; its forms and evidence links carry the same signed <paramref name="link"/>.</summary>
    public string Review(string language, ReviewPage page, string? link, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var view = page.View ?? throw new ArgumentException("A refused review is rendered as the error page.", nameof(page));
        var en = language == "en";
        var model = Common(language, view, page.Errors, page.Done, evidenceQuery: "link=" + Uri.EscapeDataString(link ?? string.Empty));
        model["link"] = link;
        model["by"] = by;
        model["byError"] = ErrorOf(page.Errors, "by", en);
        model["noteError"] = ErrorOf(page.Errors, "note", en);
        model["action"] = Routes.Path(Routes.ReviewPlanPage, view.Key.UnitId, view.Key.Rule, view.Key.Period) + "?link=" + Uri.EscapeDataString(link ?? string.Empty);
        var plan = view.Plan;
        model["canReturn"] = plan?.State == PlanState.Submitted;
        model["canAccept"] = plan?.State == PlanState.Submitted;
        model["canCloseItems"] = plan?.State == PlanState.Accepted;
        model["canReopen"] = plan?.State is PlanState.Accepted or PlanState.Closed;
        model["canClosePlan"] = plan is { State: PlanState.Accepted, AllItemsClosed: true };
        Summarise(model, page.Errors, ["by", "note", "comment"], en);
        model["otherLangUrl"] = OtherLanguage(Routes.Path(Routes.ReviewPlanPage, view.Key.UnitId, view.Key.Rule, view.Key.Period), language, link);
        return Render("review", model);
    }

    /// <summary>The page's field id of an error's field: <c>items[2].due</c> is the input <c>due2</c>.</summary>
    public static string FieldId(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var match = ItemField().Match(field);
        return match.Success ? match.Groups[2].Value + match.Groups[1].Value : field;
    }

    /// <summary>"340 KB", "1,2 MB".</summary>
    public static string Size(long bytes, bool en) =>
        bytes < 1024 * 1024 ? $"{Wording.Number(Math.Max(1, Math.Round(bytes / 1024m)), en)} KB" : $"{Wording.Number(Math.Round(bytes / (1024m * 1024m), 1), en)} MB";

    private Dictionary<string, object?> Common(string language, PlanView view, IReadOnlyList<FieldError> errors, Policy.LocalizedText? done, string evidenceQuery)
    {
        var en = language == "en";
        var today = VietnamDate.DayOf(clock.GetUtcNow());
        var plan = view.Plan;
        var model = Model(language, errors, []);
        model["unitName"] = view.Alert.UnitName;
        model["unitId"] = view.Key.UnitId;
        model["rule"] = Wording.Rule(view.Key.Rule, en);
        model["period"] = Wording.Month(view.Key.Period, en);
        model["detail"] = Wording.OneLanguage(view.Alert.Detail, en);
        model["done"] = done is null ? null : en ? done.En : done.Vi;
        model["state"] = PlanWording.State(plan?.State, en);
        model["stateCode"] = plan?.State.ToString() ?? "None";
        model["daysSince"] = today.DayNumber - view.Alert.OpenedOn.DayNumber;
        model["proposed"] = view.Year?.Proposed is { } level ? Wording.Level(level, en) : null;
        model["yearBand"] = view.Year?.YearBand is { } band ? BandName(band, en) : null;
        model["weakMonths"] = view.Year is { } year ? string.Create(CultureInfo.InvariantCulture, $"{year.Weak}/{year.Required}") : null;
        model["months"] = view.Months.Select(m => new Dictionary<string, object?>
        {
            ["label"] = Wording.Month(m.Period, en),
            ["band"] = m.Band is { } b ? BandName(b, en) : PlanTexts.For(language)["noScore"],
            ["code"] = m.Band?.ToString() ?? "None",
            ["total"] = m.Total is { } total ? Wording.Number(total, en) : null,
            ["confirmed"] = m.Confirmed,
        }).ToList();
        model["findings"] = view.Findings.Select(f => new Dictionary<string, object?> { ["id"] = f.Id, ["text"] = f.Text }).ToList();
        model["returned"] = plan is { State: PlanState.Returned } ? Action(plan.Actions.LastOrDefault(a => a.Kind == PlanActionKind.Returned), en) : null;
        model["history"] = (plan?.Actions ?? []).Reverse().Select(a => Action(a, en)).ToList();
        model["items"] = (plan?.Items ?? []).Select(i => new Dictionary<string, object?>
        {
            ["id"] = i.Id,
            ["title"] = i.Title,
            ["owner"] = i.Owner,
            ["due"] = Wording.Date(i.Due),
            ["overdue"] = i.ClosedAt is null && i.Due < today && plan!.State is not PlanState.Draft,
            ["covers"] = string.Join(", ", i.Findings),
            ["closed"] = i.ClosedAt is { } at ? $"{i.ClosedBy}, {VietnamDate.Format(at)}" : null,
            ["closedNote"] = i.ClosedNote,
            ["evidence"] = i.Evidence.Select(e => new Dictionary<string, object?>
            {
                ["name"] = e.FileName,
                ["fileSize"] = Size(e.Size, en),
                ["at"] = VietnamDate.Format(e.At),
                ["image"] = e.IsImage,
                ["url"] = Routes.Path(Routes.RemediationEvidenceFile, view.Key.UnitId, view.Key.Rule, view.Key.Period, i.Id, e.Sha256) + "?" + evidenceQuery,
            }).ToList(),
        }).ToList();
        return model;
    }

    private static Dictionary<string, object?> Action(PlanAction? action, bool en) => action is null ? [] : new Dictionary<string, object?>
    {
        ["at"] = VietnamDate.Format(action.At),
        ["actor"] = action.Actor,
        ["what"] = PlanWording.Action(action.Kind, en) + (action.ItemId is { } item ? " " + item : string.Empty),
        ["note"] = action.Note,
    };

    private static Dictionary<string, object?> Model(string language, IReadOnlyList<FieldError> errors, IReadOnlyList<string> fields)
    {
        var en = language == "en";
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["lang"] = language,
            ["t"] = PlanTexts.For(language),
            ["style"] = Stylesheet.Css,
            ["generalErrors"] = Array.Empty<string>(),
            ["errorLinks"] = Array.Empty<object>(),
        };
        foreach (var field in fields)
        {
            model[field + "Error"] = ErrorOf(errors, field, en);
        }

        Summarise(model, errors, fields, en);
        return model;
    }

    /// <summary>The summary at the top: errors of fields on the page link to them; the others are sentences.</summary>
    private static void Summarise(Dictionary<string, object?> model, IReadOnlyList<FieldError> errors, IReadOnlyCollection<string> fieldIds, bool en)
    {
        var onPage = errors.Where(e => fieldIds.Contains(FieldId(e.Field))).ToList();
        model["errorLinks"] = onPage.Select(e => new Dictionary<string, object?> { ["field"] = FieldId(e.Field), ["text"] = en ? e.En : e.Vi }).ToList();
        model["generalErrors"] = errors.Except(onPage).Select(e => en ? e.En : e.Vi).ToList();
    }

    private static string? ErrorOf(IReadOnlyList<FieldError> errors, string fieldId, bool en) =>
        errors.Where(e => FieldId(e.Field) == fieldId).Select(e => en ? e.En : e.Vi).FirstOrDefault();

    private static string BandName(Band band, bool en) => en ? $"{band.English()} ({band.Vietnamese()})" : band.Vietnamese();

    private static string OtherLanguage(string path, string language, string? link = null)
    {
        var query = new List<string>();
        if (link is not null)
        {
            query.Add("link=" + Uri.EscapeDataString(link));
        }

        if (language != "en")
        {
            query.Add("lang=en");
        }

        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    private string Render(string name, Dictionary<string, object?> model)
    {
        var context = new TemplateContext(options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        return templates[name].Render(context, LiquidTemplates.Html);
    }

    [GeneratedRegex(@"\Aitems\[([0-9]+)\]\.([a-z]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex ItemField();
}
