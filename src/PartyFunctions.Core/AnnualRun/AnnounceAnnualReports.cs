using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Remediation;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// Part of completing a run: each committee whose cells were classified, and each province, gets an "annual report
/// ready" line, to its office mailbox or else its assigned member. Every line links to the unit's report; a committee's
/// also to its decision page (the proposals to confirm or override), where the province has nothing to confirm; an
/// office's line also to its tracker of the year's remediation plans. The completion posts these lines in the same
/// digests as the alerts it opens (<see cref="CompleteClassificationRun"/>): a committee's office hears of its report and
/// of its weak cells in one email.
/// </summary>
public sealed class AnnounceAnnualReports(AnnualRunLinks links, PlanLinks planLinks)
{
    public IReadOnlyList<DigestLine> Lines(
        ClassificationRun run, IReadOnlyList<AnnualResult> results, IReadOnlyDictionary<string, Unit> registry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        var period = run.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var committees = results.Select(r => r.SuperiorId).Distinct(StringComparer.Ordinal)
            .Where(registry.ContainsKey)
            .Select(id => (Unit: registry[id], Url: (string?)links.Decide(run.Year, id, now)));
        var provinces = registry.Values.Where(u => u.ParentId is null)
            .Select(u => (Unit: u, Url: (string?)null));
        return [.. committees.Concat(provinces)
            .Select(x => (x.Unit, Item: new DigestItem(
                NotificationKind.AnnualReportReady, x.Unit.Id, x.Unit.Name, period, Rule: "annual-report", ActionUrl: x.Url,
                ViewUrl: links.Report(run.Year, x.Unit.Id, now))))
            .Where(x => !string.IsNullOrWhiteSpace(x.Unit.OfficeEmail ?? x.Unit.AssignedMemberEmail))
            .Select(x => new DigestLine(
                x.Unit.OfficeEmail is { } office ? new Recipient(office, x.Unit.Name, Office: true) : new Recipient(x.Unit.AssignedMemberEmail!, x.Unit.AssignedMemberName),
                x.Unit.OfficeEmail is null ? x.Item : x.Item with { TrackerUrl = planLinks.Tracker(x.Unit.Id, run.Year, now) }))];
    }
}
