using System.Globalization;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;

namespace PartyFunctions.Remediation;

/// <summary>
/// Use case: a committee's or the province's tracker of one year's remediation plans, from a signed "view" link
/// covering the unit (as the monthly status). Rows are the units of its subtree with a plan of the year, an open alert
/// asking for one, or findings: a few queries for the whole year (plans, findings, the active alerts), plus one alert
/// read per plan whose alert is no longer active, for its opening day.
/// </summary>
public sealed class ViewPlanTracker(
    SubtreeAccess access, IUnitStore units, IRemediationStore plans, IFindingsStore findings, IAlertStore alerts, PlanLinks links, TimeProvider clock)
{
    /// <summary>The <c>?sort=</c> values, in <see cref="TrackerSort"/> order.</summary>
    public static readonly IReadOnlyList<string> SortNames = ["late", "waiting", "unit"];

    /// <summary>The order <paramref name="sort"/> names; anything else is the default, most overdue first.</summary>
    public static TrackerSort SortOf(string? sort)
    {
        var index = SortNames.ToList().IndexOf(sort?.ToLowerInvariant() ?? string.Empty);
        return index < 0 ? TrackerSort.Lateness : (TrackerSort)index;
    }

    public static string NameOf(TrackerSort sort) => SortNames[(int)sort];

    public async Task<LinkedView<PlanTracker>> LoadAsync(string? token, string unitId, int year, TrackerSort sort, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = VietnamDate.DayOf(now);
        if (!UnitPath.IsValidId(unitId) || year < 2000 || year > today.Year + 1)
        {
            return LinkedView.Refused<PlanTracker>(LinkedViewOutcome.Invalid, new LocalizedText(
                "Địa chỉ không hợp lệ: mã đơn vị hoặc năm sai", "The address is not valid: the unit id or the year is malformed."));
        }

        var allowed = await access.AuthoriseAsync(token, AlertLinks.ViewAction, unitId, cancellationToken);
        if (!allowed.Allowed)
        {
            return LinkedView.Refused<PlanTracker>(LinkedViewOutcome.LinkRefused, allowed.Message);
        }

        var reader = allowed.Unit!;
        var subtree = (await units.GetSubtreeAsync(reader.Id, cancellationToken)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        var ofYear = (await plans.GetOfYearAsync(year, cancellationToken)).Where(p => subtree.ContainsKey(p.Key.UnitId)).ToDictionary(p => p.Key);
        var open = (await alerts.GetActiveSnapshotAsync(cancellationToken))
            .Where(a => a.IsOpen && PlanRules.AsksForPlan(a.Key.Rule) && PlanRules.YearOf(a.Key.Period) == year && subtree.ContainsKey(a.Key.UnitId))
            .ToDictionary(a => a.Key);
        var found = (await findings.GetOfYearAsync(year, cancellationToken)).Where(f => subtree.ContainsKey(f.UnitId))
            .ToDictionary(f => f.UnitId, f => f.Items.Count, StringComparer.Ordinal);

        var keys = ofYear.Keys.Union(open.Keys).ToHashSet();
        // Findings with no annual plan or alert to answer them yet (recorded, alert not open yet or resolved) still show.
        keys.UnionWith(found.Keys.Where(id => !keys.Any(k => k.UnitId == id && PlanRules.FindingsYear(k) == year))
            .Select(id => new AlertKey(AlertRules.Findings, id, yearText)));

        var rows = new List<TrackerRow>();
        foreach (var key in keys)
        {
            var plan = ofYear.GetValueOrDefault(key);
            var alert = open.GetValueOrDefault(key) ?? (plan is null ? null : (await alerts.GetAsync(key, cancellationToken))?.Alert);
            rows.Add(Row(key, subtree[key.UnitId], plan, alert, found, reader.Id, today, now));
        }

        return LinkedView.Found(new PlanTracker(reader.Id, reader.Name, year, now, sort, Order(rows, sort)));
    }

    private TrackerRow Row(
        AlertKey key, Unit unit, RemediationPlan? plan, Alert? alert, Dictionary<string, int> found, string readerId, DateOnly today, DateTimeOffset now)
    {
        var overdue = plan?.OverdueItems(today).Count ?? 0;
        var late = alert is { IsOpen: true } ? PlanRules.OverdueReason(alert, plan, today) is not null : overdue > 0;
        var annual = PlanRules.FindingsYear(key) is not null;
        return new TrackerRow(
            unit.Id, unit.Name, unit.Path ?? unit.Id, key.Rule, key.Period, StateOf(plan),
            alert is null ? null : today.DayNumber - alert.OpenedOn.DayNumber, alert is { IsOpen: true },
            plan?.Items.Count(i => i.ClosedAt is not null) ?? 0, plan?.Items.Count(i => i.ClosedAt is null) ?? 0, overdue,
            annual ? found.GetValueOrDefault(unit.Id) : 0, late, unit.AssignedMemberName, plan?.LastAction,
            plan is { State: not PlanState.Draft } ? links.Review(key, readerId, now) : null,
            annual ? links.Findings(unit.Id, int.Parse(key.Period, CultureInfo.InvariantCulture), readerId, now) : null);
    }

    private static TrackerPlanState StateOf(RemediationPlan? plan) => plan?.State switch
    {
        null => TrackerPlanState.NoPlan,
        PlanState.Draft => TrackerPlanState.Draft,
        PlanState.Submitted => TrackerPlanState.Submitted,
        PlanState.Returned => TrackerPlanState.Returned,
        PlanState.Accepted => TrackerPlanState.Accepted,
        _ => TrackerPlanState.Closed,
    };

    /// <summary>Lateness: overdue plans first, then more overdue items, then waiting longer; ties by unit, then rule.</summary>
    private static List<TrackerRow> Order(List<TrackerRow> rows, TrackerSort sort)
    {
        var byUnit = rows.OrderBy(r => r.UnitPath, StringComparer.Ordinal).ThenBy(r => PlanRules.Rank(r.Rule)).ThenBy(r => r.Period, StringComparer.Ordinal);
        return sort switch
        {
            TrackerSort.Unit => [.. byUnit],
            TrackerSort.Waiting => [.. rows.OrderByDescending(r => r.DaysSinceAlert ?? -1).ThenBy(r => r.UnitPath, StringComparer.Ordinal).ThenBy(r => PlanRules.Rank(r.Rule))],
            _ => [.. rows.OrderByDescending(r => r.Late).ThenByDescending(r => r.ItemsOverdue).ThenByDescending(r => r.DaysSinceAlert ?? -1)
                .ThenBy(r => r.UnitPath, StringComparer.Ordinal).ThenBy(r => PlanRules.Rank(r.Rule))],
        };
    }
}
