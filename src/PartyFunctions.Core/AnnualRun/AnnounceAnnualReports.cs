using PartyFunctions.Notifications;
using PartyFunctions.Organisation;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// Use case (part of completing a run): each committee whose cells were classified, and each province, gets one
/// "annual report ready" email, to its office mailbox or else its assigned member. A committee's line links to its
/// decision page (the proposals to confirm or override); a province's to its report. The digests are keyed by run
/// and recipient, so completing again (a crash, a resumed shard) sends nothing twice.
/// </summary>
public sealed class AnnounceAnnualReports(DigestPoster poster, AnnualRunLinks links, TimeProvider clock)
{
    public async Task RunAsync(
        ClassificationRun run, IReadOnlyList<AnnualResult> results, IReadOnlyDictionary<string, Unit> registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var now = clock.GetUtcNow();
        var period = run.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var committees = results.Select(r => r.SuperiorId).Distinct(StringComparer.Ordinal)
            .Where(registry.ContainsKey)
            .Select(id => (Unit: registry[id], Url: links.Decide(run.Year, id, now)));
        var provinces = registry.Values.Where(u => u.ParentId is null)
            .Select(u => (Unit: u, Url: links.Report(run.Year, u.Id, now)));
        var lines = committees.Concat(provinces)
            .Select(x => (Recipient: x.Unit.OfficeEmail ?? x.Unit.AssignedMemberEmail, Item: new DigestItem(
                NotificationKind.AnnualReportReady, x.Unit.Id, x.Unit.Name, period, Rule: "annual-report", ActionUrl: x.Url)))
            .Where(x => !string.IsNullOrWhiteSpace(x.Recipient))
            .Select(x => new DigestLine(new Recipient(x.Recipient!), x.Item));
        await poster.PostAsync($"{run.RunId}-reports", lines, now, cancellationToken);
    }
}
