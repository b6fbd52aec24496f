using System.Globalization;
using PartyFunctions.Alerts;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;

namespace PartyFunctions.Remediation;

/// <summary>
/// Follow-up that does not depend on memory, run inside the daily escalation run so that everyone still gets one
/// digest per run: for every open alert that asks for a plan, the cell is reminded of items due in
/// <see cref="PlanRules.RemindDaysBefore"/> days and on the day, and a plan that is overdue
/// (<see cref="PlanRules.OverdueReason"/>) opens a <c>plan-overdue</c> alert, which notifies the assigned member in this
/// run and climbs the usual chain while it stays overdue. A <c>plan-overdue</c> alert whose plan is no longer overdue
/// (items closed, plan submitted, plan alert resolved) resolves, and opens again if another item falls late. Reads one plan per open plan alert: proportional to
/// the active alerts, not to the units.
/// </summary>
public sealed class PlanFollowUp(IRemediationStore plans, IUnitStore units, OpenAlerts openAlerts, PlanLinks links)
{
    public const string NoLongerOverdue = "Kế hoạch không còn quá hạn / the plan is no longer overdue";

    /// <summary>Follows up the plans of <paramref name="work"/> (the run's work list, after its own resolutions) on the Vietnam day of <paramref name="now"/>.</summary>
    public async Task<PlanFollowUpResult> RunAsync(IReadOnlyList<StoredAlert> work, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var today = VietnamDate.DayOf(now);
        var overdueAlerts = work.Where(w => w.Alert.Key.Rule == AlertRules.PlanOverdue).Select(w => w.Alert.Key).ToHashSet();
        var stillOverdue = new HashSet<AlertKey>();
        var opened = new List<StoredAlert>();
        var reminders = new List<DigestLine>();
        foreach (var alert in work.Select(w => w.Alert).Where(a => a.IsOpen && PlanRules.AsksForPlan(a.Key.Rule)))
        {
            var plan = (await plans.GetAsync(alert.Key, cancellationToken))?.Plan;
            Unit? unit = null;
            var overdue = new AlertKey(AlertRules.PlanOverdue, alert.Key.UnitId, alert.Key.Period);
            if (PlanRules.OverdueReason(alert, plan, today) is { } reason)
            {
                stillOverdue.Add(overdue);
                if (!overdueAlerts.Contains(overdue) && (unit = await units.GetAsync(alert.Key.UnitId, cancellationToken)) is not null
                    && await openAlerts.OpenOrRenewQuietlyAsync(overdue, unit, reason, cancellationToken) is { } added)
                {
                    opened.Add(added);
                }
            }

            var due = plan is null ? [] : PlanRules.DueSoon(plan, today);
            if (due.Count > 0 && (unit ?? await units.GetAsync(alert.Key.UnitId, cancellationToken)) is { SecretaryEmail: { Length: > 0 } email } cell)
            {
                reminders.AddRange(due.Select(item => new DigestLine(new Recipient(email, cell.Name, Office: true), new DigestItem(
                    NotificationKind.PlanItemDue, cell.Id, cell.Name, alert.Key.Period, alert.Key.Rule,
                    Detail: string.Create(CultureInfo.InvariantCulture, $"{item.Id}. {item.Title} – {item.Owner}, hạn {item.Due:dd/MM/yyyy}"),
                    ActionUrl: links.CellPlan(alert.Key)))));
            }
        }

        var cleared = work.Where(w => w.Alert.IsOpen && w.Alert.Key.Rule == AlertRules.PlanOverdue && !stillOverdue.Contains(w.Alert.Key))
            .Select(w => w.Alert.Key).ToList();
        return new PlanFollowUpResult(opened, reminders, cleared);
    }
}

/// <summary>What the follow-up found: overdue alerts it opened (to notify in the run), reminders for cells, and overdue alerts that cleared.</summary>
public sealed record PlanFollowUpResult(IReadOnlyList<StoredAlert> Opened, IReadOnlyList<DigestLine> Reminders, IReadOnlyList<AlertKey> Cleared);
