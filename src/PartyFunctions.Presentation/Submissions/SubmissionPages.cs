using System.Globalization;
using Fluid;
using PartyFunctions.Access;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Presentation.Submissions;

/// <summary>
/// Renders the form, the receipt and the superior's confirmation sheet from the Liquid templates in Templates/Submissions.
/// Every value goes through an HTML encoder (Vietnamese letters stay readable); the only raw output is the page's own
/// stylesheet. Pages are plain HTML that works without JavaScript and loads nothing from elsewhere.
/// </summary>
public sealed class SubmissionPages
{
    private static readonly string[] Counts = ["membersTotal", "membersExempt", "membersPresent", "unexcusedAbsent", "durationMinutes"];
    private readonly TemplateOptions options = LiquidTemplates.Options(typeof(FieldView), typeof(MonthOption), typeof(Fact), typeof(ErrorLink), typeof(AdoptChoice));
    private readonly Dictionary<string, IFluidTemplate> templates =
        new[] { "form", "field", "receipt", "confirm", "errors", "total" }.ToDictionary(name => name, LiquidTemplates.Get, StringComparer.Ordinal);

    /// <summary>The empty or re-rendered form: <paramref name="values"/> are what the user sent (kept on error).</summary>
    public string Form(string language, PolicyPack pack, IReadOnlyDictionary<string, string?> values, IReadOnlyList<FieldError> errors,
        DateOnly today, string receiptId)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var t = PageTexts.For(language);
        var en = language == "en";
        string? Value(string name) => values.TryGetValue(name, out var v) ? v : null;
        var shown = new HashSet<string>(StringComparer.Ordinal) { "unitId", "accessCode", "period" };
        FieldView Field(string name, string label, string kind, decimal? max = null)
        {
            shown.Add(name);
            var value = kind == "secret" ? null : Value(name);
            return new FieldView(name, label, value, ErrorOf(errors, name, en), kind, max, value is "true" or "on");
        }

        var who = new[] { Field("unitId", t["unitId"], "text"), Field("accessCode", t["accessCode"], "secret") };
        var facts = new List<FieldView> { Field("facts.held", t["held"], "yesno") };
        facts.AddRange(Counts.Select(c => Field("facts." + c, t[c], "count")));
        facts.Add(Field("facts.combined", t["combined"], "check"));
        facts.Add(Field("facts.memberDisciplined", t["memberDisciplined"], "check"));
        var criteria = pack.Criteria.Select(c => Field("criteria." + c.Key, en ? c.Names.En : c.Names.Vi, "points", c.Max)).ToList();
        var selected = Value("period") ?? ReportingCalendarDefault(today);
        var model = Model(language, t);
        model["action"] = Routes.Path(Routes.Form);
        model["otherLangUrl"] = en ? Routes.Path(Routes.Form) : Routes.Path(Routes.Form) + "?lang=en";
        var planQuery = new List<string>();
        if (Value("unitId") is { Length: > 0 } unit)
        {
            planQuery.Add("unit=" + Uri.EscapeDataString(unit));
        }

        if (en)
        {
            planQuery.Add("lang=en");
        }

        model["planUrl"] = Routes.Path(Routes.CellPlanHome) + (planQuery.Count > 0 ? "?" + string.Join('&', planQuery) : string.Empty);
        model["receiptId"] = receiptId;
        model["who"] = who;
        model["facts"] = facts;
        model["criteria"] = criteria;
        model["criteriaIds"] = string.Join(' ', criteria.Select(c => c.Name));
        model["packName"] = en ? pack.Names.En : pack.Names.Vi;
        model["maxTotal"] = Number(pack.TotalPoints, en);
        model["months"] = Months(today, selected, t);
        model["period"] = new FieldView("period", t["period"], selected, ErrorOf(errors, "period", en), "month", null, false);
        model["generalErrors"] = errors.Where(e => !shown.Contains(e.Field)).Select(e => Say(e, en)).ToList();
        // "Correct the marked fields" only when a field is marked: a storage outage marks none.
        model["fieldErrors"] = errors.Any(e => shown.Contains(e.Field));
        model["errorLinks"] = Summary(errors, shown, [.. who, .. facts, .. criteria, (FieldView)model["period"]!], en);
        return Render("form", model);
    }

    public string Receipt(string language, RecordedScore recorded, PolicyPack pack, bool replayed)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(pack);
        var t = PageTexts.For(language);
        var en = language == "en";
        var score = recorded.Score;
        var model = Model(language, t);
        model["headline"] = replayed ? t["replayed"]
            : score.Version == 1 ? t["recorded"] : string.Format(CultureInfo.InvariantCulture, t["amended"], score.Version);
        model["unitId"] = score.UnitId;
        model["unitName"] = recorded.UnitName;
        model["period"] = string.Format(CultureInfo.InvariantCulture, t["monthLabel"], score.Period.Month, score.Period.Year);
        model["total"] = Number(recorded.Result.Total, en);
        model["maxTotal"] = Number(pack.TotalPoints, en);
        model["band"] = BandName(recorded.Result.Band, en);
        model["bandFromTotal"] = BandName(recorded.Result.BandFromTotal, en);
        model["reasons"] = recorded.Result.Reasons.Select(r => en ? r.En : r.Vi).ToList();
        model["receiptId"] = score.ReceiptId;
        model["late"] = score.Late;
        model["formUrl"] = en ? Routes.Path(Routes.Form) + "?lang=en" : Routes.Path(Routes.Form);
        return Render("receipt", model);
    }

    /// <summary>The superior's sheet: the cell's month as stored, the points to confirm or correct, and any errors or result.</summary>
    public string Confirmation(string language, ConfirmationView view, string? link, IReadOnlyDictionary<string, string?> typed,
        IReadOnlyList<FieldError> errors, string receiptId, MonthlyScore? done)
    {
        ArgumentNullException.ThrowIfNull(view);
        var t = PageTexts.For(language);
        var en = language == "en";
        var model = Model(language, t);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        if (view is { Unit: { } unit, Score: { } stored, Pack: { } pack })
        {
            var score = stored.Record;
            var start = score.Confirmation?.Criteria ?? score.Criteria;
            FieldView Field(string name, string label, string kind, string? value, decimal? max = null)
            {
                shown.Add(name);
                return new FieldView(name, label, typed.TryGetValue(name, out var v) ? v : value, ErrorOf(errors, name, en), kind, max, false);
            }

            model["action"] = Routes.Path(Routes.Confirm, unit.Id, score.Period.ToString());
            model["link"] = link;
            model["version"] = score.Version;
            model["receiptId"] = receiptId;
            model["unitId"] = unit.Id;
            model["unitName"] = unit.Name;
            model["period"] = string.Format(CultureInfo.InvariantCulture, t["monthLabel"], score.Period.Month, score.Period.Year);
            model["maxTotal"] = Number(pack.TotalPoints, en);
            model["selfTotal"] = Number(score.Total, en);
            model["selfBand"] = BandName(score.Band, en);
            if (score.Confirmation is { } c)
            {
                model["confirmedTotal"] = Number(c.Total, en);
                model["confirmedBand"] = BandName(c.Band, en);
                model["confirmedBy"] = c.ConfirmedBy;
                model["confirmedAt"] = VietnamDate.Format(c.ConfirmedAt);
                model["confirmedReason"] = c.Reason;
                if (c.Adopted is { } adopted)
                {
                    model["adoptedFrom"] = string.Format(CultureInfo.InvariantCulture, t["adoptedLine"], adopted.ObservedBy, Day(adopted.MeetingDate, en));
                }
            }

            model["observed"] = view.Observed.Select(o => string.Format(CultureInfo.InvariantCulture, t["observedLine"],
                Number(o.Score!.Total, en), Number(pack.TotalPoints, en), BandName(o.Score.Band, en), o.RecordedBy,
                Day(o.MeetingDate, en), Wording.Difference(score.Total - o.Score.Total, en))).ToList();
            // The choice to adopt an observed score, one radio per observer, when the month has one.
            var chosen = typed.GetValueOrDefault("adoptObserved") ?? string.Empty;
            model["adoptChoices"] = view.Observed.Count == 0 ? new List<AdoptChoice>()
                : view.Observed.Select((o, i) => new AdoptChoice($"adoptObserved-{i + 1}", PartyFunctions.Attendance.MemberKey.OfAuthor(o.Author),
                        string.Format(CultureInfo.InvariantCulture, t["adoptLine"], Number(o.Score!.Total, en), Number(pack.TotalPoints, en),
                            BandName(o.Score.Band, en), o.RecordedBy, Day(o.MeetingDate, en)), false))
                    .Prepend(new AdoptChoice("adoptObserved", string.Empty, t["adoptNone"], false))
                    .Select(c => c with { Checked = c.Value == chosen })
                    .ToList();
            model["adoptError"] = ErrorOf(errors, "adoptObserved", en);
            if (view.Observed.Count > 0)
            {
                shown.Add("adoptObserved");
            }

            model["factList"] = Facts(score.Facts, t);
            model["criteria"] = pack.Criteria.Select(c => Field("criteria." + c.Key, en ? c.Names.En : c.Names.Vi, "points",
                start.TryGetValue(c.Key, out var p) ? Number(p, en) : null, c.Max)).ToList();
            model["who"] = new[] { Field("confirmerName", t["confirmerName"], "longtext", null), Field("reason", t["reason"], "longtext", null) };
            model["criteriaIds"] = string.Join(' ', pack.Criteria.Select(c => "criteria." + c.Key));
            model["errorLinks"] = Summary(errors, shown, [.. (IEnumerable<FieldView>)model["criteria"]!, .. (IEnumerable<FieldView>)model["who"]!,
                new FieldView("adoptObserved", t["adoptLegend"], null, null, "radio", null, false)], en);
        }

        if (done is not null)
        {
            model["done"] = string.Format(CultureInfo.InvariantCulture,
                t[view.Score?.Record.Confirmation?.Adopted is not null ? "adoptDone" : "confirmDone"], Number(done.Total, en), BandName(done.Band, en));
        }

        model["generalErrors"] = errors.Where(e => !shown.Contains(e.Field)).Select(e => Say(e, en)).ToList();
        return Render("confirm", model);
    }

    private static List<Fact> Facts(MeetingFacts facts, Dictionary<string, string> t)
    {
        string YesNo(bool value) => value ? t["yes"] : t["no"];
        return
        [
            new(t["held"], YesNo(facts.Held)), new(t["combined"], YesNo(facts.Combined)),
            new(t["membersTotal"], facts.MembersTotal.ToString(CultureInfo.InvariantCulture)),
            new(t["membersExempt"], facts.MembersExempt.ToString(CultureInfo.InvariantCulture)),
            new(t["membersPresent"], facts.MembersPresent.ToString(CultureInfo.InvariantCulture)),
            new(t["unexcusedAbsent"], facts.UnexcusedAbsent.ToString(CultureInfo.InvariantCulture)),
            new(t["durationMinutes"], facts.DurationMinutes.ToString(CultureInfo.InvariantCulture)),
            new(t["memberDisciplined"], YesNo(facts.MemberDisciplined)),
        ];
    }

    private static string Day(DateOnly day, bool en) => day.ToString(en ? "yyyy-MM-dd" : "dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string ReportingCalendarDefault(DateOnly today) => ReportingCalendar.DefaultPeriod(today).ToString();

    /// <summary>This month and the twelve before it, newest first; a sent value outside them is kept as an option.</summary>
    internal static List<MonthOption> Months(DateOnly today, string selected, Dictionary<string, string> t)
    {
        var months = new List<MonthOption>();
        var period = ScorePeriod.Of(today);
        for (var i = 0; i < 13; i++, period = period.Previous)
        {
            var value = period.ToString();
            months.Add(new MonthOption(value, string.Format(CultureInfo.InvariantCulture, t["monthLabel"], period.Month, period.Year), value == selected));
        }

        if (!months.Any(m => m.Selected))
        {
            months.Insert(0, new MonthOption(selected, selected, true));
        }

        return months;
    }

    internal static Dictionary<string, object?> Model(string language, Dictionary<string, string> t) => new(StringComparer.Ordinal)
    {
        ["lang"] = language,
        ["t"] = t,
        ["style"] = Stylesheet.Css,
        ["criteria"] = Array.Empty<FieldView>(),
        ["generalErrors"] = Array.Empty<string>(),
        ["errorLinks"] = Array.Empty<ErrorLink>(),
    };

    internal static string? ErrorOf(IReadOnlyList<FieldError> errors, string field, bool en) =>
        errors.Where(e => e.Field == field).Select(e => en ? e.En : e.Vi).FirstOrDefault();

    /// <summary>A general error as a sentence: the internal field name is never shown.</summary>
    internal static string Say(FieldError error, bool en) => en ? error.En : error.Vi;

    /// <summary>The summary at the top: each field in error as "label: message", linking to the field.</summary>
    internal static List<ErrorLink> Summary(IReadOnlyList<FieldError> errors, HashSet<string> shown, IEnumerable<FieldView> fields, bool en)
    {
        var labels = fields.GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);
        return errors.Where(e => shown.Contains(e.Field) && labels.ContainsKey(e.Field))
            .Select(e => new ErrorLink(e.Field, $"{labels[e.Field]}: {(en ? e.En : e.Vi)}")).ToList();
    }

    internal static string BandName(Band band, bool en) => en ? $"{band.English()} ({band.Vietnamese()})" : band.Vietnamese();

    private static string Number(decimal value, bool en) => Wording.Number(value, en);

    private string Render(string name, Dictionary<string, object?> model)
    {
        if (model["criteria"] is IEnumerable<FieldView> criteria)
        {
            model["typedTotal"] = TypedTotal(criteria, model["lang"] as string == "en");
        }

        var context = new TemplateContext(options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        return templates[name].Render(context, LiquidTemplates.Html);
    }

    internal sealed record FieldView(string Name, string Label, string? Value, string? Error, string Kind, decimal? Max, bool Checked);

    internal sealed record ErrorLink(string Field, string Text);

    /// <summary>One radio of the confirm sheet's choice: confirm by the criteria (empty value), or adopt one observer's score.</summary>
    internal sealed record AdoptChoice(string Id, string Value, string Label, bool Checked);

    internal sealed record MonthOption(string Value, string Label, bool Selected);

    /// <summary>The total as the page is shown, so that it is right without JavaScript too.</summary>
    internal static string TypedTotal(IEnumerable<FieldView> criteria, bool en)
    {
        var typed = criteria.Select(c => FormNumber.TryParse(c.Value, out var n) ? n : (decimal?)null).OfType<decimal>().ToList();
        return typed.Count == 0 ? "–" : Number(typed.Sum(), en);
    }

    private sealed record Fact(string Label, string Value);
}
