using System.Globalization;
using Fluid;
using PartyFunctions.Access;
using PartyFunctions.Attendance;
using PartyFunctions.Submissions;
using static PartyFunctions.Presentation.Submissions.SubmissionPages;

namespace PartyFunctions.Presentation.Attendance;

/// <summary>
/// Renders the attendance page (Templates/Attendance/attend.liquid): the member's record of one unit's month as a form,
/// empty, as stored, or as typed with each error beside its field. The fields, error summary and running total are
/// the submission form's partials, so both forms look and behave alike; it works without JavaScript.
/// </summary>
public sealed class AttendancePages
{
    private static readonly string[] Counts = ["membersTotal", "membersExempt", "membersPresent", "unexcusedAbsent", "durationMinutes"];
    private readonly TemplateOptions options = LiquidTemplates.Options(typeof(FieldView), typeof(MonthOption), typeof(ErrorLink));
    private readonly IFluidTemplate template = LiquidTemplates.Get("attend");

    /// <summary>
    /// The page for <paramref name="outcome"/>: <paramref name="typed"/> are the fields sent (kept when refused; empty
    /// to show the stored record), <paramref name="link"/> goes back in a hidden field, never into the address.
    /// </summary>
    public string Page(string language, AttendanceOutcome outcome, string? link, IReadOnlyDictionary<string, string?> typed, string receiptId)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(typed);
        var t = AttendanceTexts.For(language);
        var en = language == "en";
        var errors = outcome.Errors;
        var values = typed.Count > 0 ? typed : Values(outcome.Stored?.Record, en);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        FieldView Field(string name, string label, string kind, decimal? max = null)
        {
            shown.Add(name);
            var value = values.TryGetValue(name, out var v) ? v : null;
            return new FieldView(name, label, value, ErrorOf(errors, name, en), kind, max, value is "true" or "on");
        }

        var model = Model(language, t);
        var unit = outcome.Unit;
        model["unitId"] = unit?.Id;
        model["unitName"] = unit?.Name;
        model["action"] = unit is null ? null : Routes.Path(Routes.Attend, unit.Id);
        // The page in the other language: the same link and month, as the email's own address carries them.
        model["otherLangUrl"] = unit is null ? null : Routes.Path(Routes.Attend, unit.Id) + "?link=" + Uri.EscapeDataString(link ?? string.Empty)
            + (outcome.Period is { } month ? "&period=" + Uri.EscapeDataString(month) : "") + (en ? "" : "&lang=en");
        model["link"] = link;
        model["version"] = typed.Count > 0 && !outcome.Succeeded ? typed.GetValueOrDefault("version") : outcome.Stored?.Record.Version.ToString(CultureInfo.InvariantCulture);
        model["receiptId"] = receiptId;
        var selected = values.GetValueOrDefault("period") ?? outcome.Period ?? ScorePeriod.Of(outcome.Today).ToString();
        model["months"] = Months(outcome.Today, selected, t);
        var period = Field("period", t["period"], "month");
        model["period"] = period;
        var meeting = new[] { Field("meetingDate", t["meetingDate"], "date") };
        var people = new[] { Field("recordedBy", t["recordedBy"], "longtext"), Field("attendees", t["attendees"], "textarea") };
        var notes = new[] { Field("observations", t["observations"], "textarea"), Field("recommendations", t["recommendations"], "textarea") };
        var facts = Counts.Select(c => Field(FormSubmission.FactsPrefix + c, t[c], "count")).ToList();
        facts.Add(Field(FormSubmission.FactsPrefix + "combined", t["combined"], "check"));
        facts.Add(Field(FormSubmission.FactsPrefix + "memberDisciplined", t["memberDisciplined"], "check"));
        var pack = outcome.Pack;
        var criteria = pack?.Criteria.Select(c => Field(FormSubmission.CriteriaPrefix + c.Key, en ? c.Names.En : c.Names.Vi, "points", c.Max)).ToList() ?? [];
        model["meeting"] = meeting;
        model["people"] = people;
        model["notes"] = notes;
        model["facts"] = facts;
        model["criteria"] = criteria;
        model["criteriaIds"] = string.Join(' ', criteria.Select(c => c.Name));
        model["packName"] = pack is null ? null : en ? pack.Names.En : pack.Names.Vi;
        model["maxTotal"] = pack is null ? null : Wording.Number(pack.TotalPoints, en);
        model["typedTotal"] = TypedTotal(criteria, en);
        if (outcome.Succeeded && outcome.Stored is { } stored)
        {
            model["done"] = outcome.Status == AttendanceStatus.Replayed ? t["replayedDone"]
                : string.Format(CultureInfo.InvariantCulture, t["recordedDone"], stored.Record.Version);
        }

        if (outcome.Stored?.Record.Score is { } observed && pack is not null)
        {
            model["observed"] = $"{Wording.Number(observed.Total, en)} / {Wording.Number(pack.TotalPoints, en)}, {BandName(observed.Band, en)}";
        }

        model["generalErrors"] = errors.Where(e => !shown.Contains(e.Field)).Select(e => Say(e, en)).ToList();
        model["errorLinks"] = Summary(errors, shown, [period, .. meeting, .. people, .. notes, .. facts, .. criteria], en);
        var context = new TemplateContext(options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        return template.Render(context, LiquidTemplates.Html);
    }

    /// <summary>A stored record as the form's fields, so that the author amends what is stored.</summary>
    private static Dictionary<string, string?> Values(AttendanceRecord? record, bool en)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (record is null)
        {
            return values;
        }

        values["period"] = record.Period.ToString();
        values["meetingDate"] = record.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        values["recordedBy"] = record.RecordedBy;
        values["attendees"] = string.Join('\n', record.Attendees);
        values["observations"] = record.Observations;
        values["recommendations"] = record.Recommendations;
        if (record.Score is { } score)
        {
            var f = score.Facts;
            int[] counts = [f.MembersTotal, f.MembersExempt, f.MembersPresent, f.UnexcusedAbsent, f.DurationMinutes];
            foreach (var (name, count) in Counts.Zip(counts))
            {
                values[FormSubmission.FactsPrefix + name] = count.ToString(CultureInfo.InvariantCulture);
            }

            values[FormSubmission.FactsPrefix + "combined"] = f.Combined ? "true" : null;
            values[FormSubmission.FactsPrefix + "memberDisciplined"] = f.MemberDisciplined ? "true" : null;
            foreach (var (key, points) in score.Criteria)
            {
                values[FormSubmission.CriteriaPrefix + key] = Wording.Number(points, en);
            }
        }

        return values;
    }
}
