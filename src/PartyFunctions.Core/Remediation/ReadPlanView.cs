using PartyFunctions.Alerts;
using PartyFunctions.AnnualRun;
using PartyFunctions.Submissions;

namespace PartyFunctions.Remediation;

/// <summary>
/// Reads a <see cref="PlanView"/>: the alert (a point read), the plan, the findings, the unit's year of scores (one
/// partition query under its superior) and the annual result, the last four at once. A link to a <c>plan-overdue</c>
/// alert reads the plan it is about (<see cref="ResolveAsync"/>).
/// </summary>
public sealed class ReadPlanView(IAlertStore alerts, IRemediationStore plans, IFindingsStore findings, IScoreStore scores, IAnnualResultStore results)
{
    public async Task<PlanView?> RunAsync(AlertKey key, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(key, cancellationToken) is not { } alert)
        {
            return null;
        }

        var year = PlanRules.YearOf(alert.Key.Period) ?? 0;
        var plan = plans.GetAsync(alert.Key, cancellationToken);
        var found = PlanRules.FindingsYear(alert.Key) is { } y ? findings.GetAsync(alert.Key.UnitId, y, cancellationToken) : Task.FromResult<StoredFindings?>(null);
        var months = scores.GetYearAsync(alert.SuperiorId, year, cancellationToken);
        var result = PlanRules.FindingsYear(alert.Key) is not null ? results.GetAsync(year, alert.SuperiorId, cancellationToken) : Task.FromResult<IReadOnlyList<AnnualResult>>([]);
        await Task.WhenAll(plan, found, months, result);
        var last = ScorePeriod.TryParse(alert.Key.Period, out var period) ? period.Month : 12;
        var ofUnit = (await months).Where(s => s.UnitId == alert.Key.UnitId).ToDictionary(s => s.Period.Month);
        return new PlanView(
            alert,
            (await plan)?.Plan,
            (await plan)?.ETag,
            (await found)?.Findings.Items ?? [],
            Enumerable.Range(1, last).Select(m => ofUnit.TryGetValue(m, out var s)
                ? new PlanMonth(s.Period, s.EffectiveBand, s.EffectiveTotal, s.IsConfirmed)
                : new PlanMonth(new ScorePeriod(year, m), null, null, false)).ToList(),
            (await result).FirstOrDefault(r => r.UnitId == alert.Key.UnitId));
    }

    /// <summary>The alert asking for the plan <paramref name="key"/> names; for a <c>plan-overdue</c> key, the unit's plan alert of that period.</summary>
    public async Task<Alert?> ResolveAsync(AlertKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (PlanRules.AsksForPlan(key.Rule))
        {
            return (await alerts.GetAsync(key, cancellationToken))?.Alert;
        }

        if (key.Rule != AlertRules.PlanOverdue)
        {
            return null;
        }

        var ofUnit = await alerts.GetOfUnitAsync(key.UnitId, cancellationToken);
        return ofUnit.Select(a => a.Alert).Where(a => a.Key.Period == key.Period && PlanRules.AsksForPlan(a.Key.Rule))
            .OrderBy(a => a.IsOpen ? 0 : 1).ThenBy(a => PlanRules.Rank(a.Key.Rule)).FirstOrDefault();
    }
}
