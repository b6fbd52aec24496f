using System.Globalization;
using PartyFunctions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.AnnualRun;
using PartyFunctions.Classification;
using PartyFunctions.Organisation;
using PartyFunctions.Remediation;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Cli.Demo;

/// <summary>The year's outcome as read back from storage: bands per month, alerts per rule and level, remediation plans, levels, emails, reports.</summary>
public static class DemoSummary
{
    /// <summary>Writes the summary; false when the emails sent are not exactly one per digest written (a digest lost or sent twice).</summary>
    public static async Task<bool> WriteAsync(TextWriter output, IServiceProvider services, DemoProvince province, int year, int emailsSent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(province);
        var scores = new List<ScoreRecord>();
        var results = new List<AnnualResult>();
        foreach (var committee in province.Committees)
        {
            scores.AddRange(await services.GetRequiredService<IScoreStore>().GetYearAsync(committee, year, cancellationToken));
            results.AddRange(await services.GetRequiredService<IAnnualResultStore>().GetAsync(year, committee, cancellationToken));
        }

        output.WriteLine(Invariant($"Năm {year}: {province.Cells.Count} chi bộ, {province.Committees.Count} đảng ủy cơ sở / cells, grassroots committees"));
        output.WriteLine();
        output.WriteLine("month    Tot  Kha   TB  Kem  not-reported  late  confirmed");
        for (var month = 1; month <= 11; month++)
        {
            var inMonth = scores.Where(s => s.Period.Month == month).ToList();
            var active = province.Cells.Count(c => c.ActiveFrom <= new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));
            int Count(Band band) => inMonth.Count(s => s.EffectiveBand == band);
            output.WriteLine(Invariant($"{year}-{month:00} {Count(Band.Good),4} {Count(Band.Fair),4} {Count(Band.Average),4} {Count(Band.Weak),4} {active - inMonth.Count,13} {inMonth.Count(s => s.Late),5} {inMonth.Count(s => s.IsConfirmed),10}"));
        }

        var alerts = new List<Alert>();
        foreach (var cell in province.Cells)
        {
            alerts.AddRange((await services.GetRequiredService<IAlertStore>().GetOfUnitAsync(cell.Id, cancellationToken)).Select(s => s.Alert));
        }

        output.WriteLine();
        output.WriteLine("alert rule            level1 level2 level3+ acknowledged resolved");
        foreach (var rule in alerts.GroupBy(a => a.Key.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(Invariant($"{rule.Key,-20} {rule.Count(a => a.StepsTaken == 1),7} {rule.Count(a => a.StepsTaken == 2),6} {rule.Count(a => a.StepsTaken >= 3),7} {rule.Count(a => a.History.Any(h => h.Event == AlertTransition.Acknowledged)),12} {rule.Count(a => a.State == AlertState.Resolved),8}"));
        }

        await WritePlansAsync(output, services, year, alerts, cancellationToken);
        var attended = new List<Attendance.AttendanceRecord>();
        foreach (var cell in province.Cells)
        {
            attended.AddRange(await services.GetRequiredService<Attendance.IAttendanceStore>().GetYearAsync(cell.Id, year, cancellationToken));
        }

        output.WriteLine(Invariant($"attendances recorded: {attended.Count} ({attended.Count(a => a.Score is not null)} with a score), score-gap alerts opened: {alerts.Count(a => a.Key.Rule == AlertRules.ScoreGap)}"));
        output.WriteLine();
        output.WriteLine("classification   cells");
        foreach (var (name, level) in new (string, Level?)[] { ("HTXSNV", Level.Excellent), ("HTTNV", Level.Good), ("HTNV", Level.Complete), ("KHTNV", Level.Failed), ("no level", null) })
        {
            output.WriteLine(Invariant($"{name,-14} {results.Count(r => r.Proposed == level),7}"));
        }

        output.WriteLine();
        var digests = await DigestsWrittenAsync(services, cancellationToken);
        output.WriteLine(Invariant($"emails sent: {emailsSent}, digests written: {digests}"));
        output.WriteLine("reports (container reports):");
        foreach (var committee in province.Committees)
        {
            output.WriteLine(Invariant($"  {year}/{committee}.html  {year}/{committee}.csv"));
        }

        return emailsSent == digests;
    }

    /// <summary>The year's remediation plans by rule and state, how many went back for revision, items closed on time or late, and plan-overdue alerts.</summary>
    private static async Task WritePlansAsync(TextWriter output, IServiceProvider services, int year, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        var plans = await services.GetRequiredService<IRemediationStore>().GetOfYearAsync(year, cancellationToken);
        output.WriteLine();
        output.WriteLine("remediation plans    draft submitted returned accepted closed");
        foreach (var rule in PlanRules.Rules.Where(r => r == AlertRules.AnnualWeak || plans.Any(p => p.Key.Rule == r)))
        {
            int Count(PlanState state) => plans.Count(p => p.Key.Rule == rule && p.State == state);
            output.WriteLine(Invariant($"{rule,-20} {Count(PlanState.Draft),5} {Count(PlanState.Submitted),9} {Count(PlanState.Returned),8} {Count(PlanState.Accepted),8} {Count(PlanState.Closed),6}"));
        }

        var closed = plans.SelectMany(p => p.Items).Where(i => i.ClosedAt is not null).ToList();
        var late = closed.Count(i => VietnamDate.DayOf(i.ClosedAt!.Value) > i.Due);
        output.WriteLine(Invariant(
            $"returned for revision: {plans.Count(p => p.Actions.Any(a => a.Kind == PlanActionKind.Returned))}, items closed on time: {closed.Count - late}, late: {late}, plan-overdue alerts opened: {alerts.Count(a => a.Key.Rule == AlertRules.PlanOverdue)}"));
    }

    private static async Task<int> DigestsWrittenAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var outbox = await services.GetRequiredService<StorageNamespace>().ContainerAsync(StorageNames.OutboxContainer, cancellationToken);
        var count = 0;
        await foreach (var _ in outbox.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
