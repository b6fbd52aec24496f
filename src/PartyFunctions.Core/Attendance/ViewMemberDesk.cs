using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Remediation;
using PartyFunctions.Status;
using PartyFunctions.Submissions;

namespace PartyFunctions.Attendance;

/// <summary>
/// Use case: the member's desk, from a signed "desk" link whose subject is the member's address and whose scope is the
/// committee; the address must match the key in the path. The units listed are those of the scope assigned to that
/// address. The year is that of the last month due. Reads: the scope's subtree, one year scan of scores per superior,
/// the active alerts and the year's plans once, and one range of attendance records per unit followed (two in January,
/// when the year shown is the last and the attendance duty's period is of the new one).
/// </summary>
public sealed class ViewMemberDesk(
    LinkSigner signer, IUnitStore units, IScoreStore scores, IAlertStore alerts, IRemediationStore plans, IAttendanceStore attendance,
    SubmissionPolicy policy, AlertLinks links, PlanLinks planLinks, TimeProvider clock)
{
    public static readonly TimeSpan AttendLinkLifetime = TimeSpan.FromDays(45);

    public async Task<LinkedView<MemberDesk>> LoadAsync(string? token, string memberKey, CancellationToken cancellationToken)
    {
        var verification = signer.Verify(token, AlertLinks.DeskAction);
        if (!verification.IsValid)
        {
            return LinkedView.Refused<MemberDesk>(LinkedViewOutcome.LinkRefused, verification.Message);
        }

        // The link names the member by their key, as the path does: no address travels in a link.
        var member = verification.Link!.Subject;
        if (string.IsNullOrWhiteSpace(member) || !string.Equals(member, memberKey, StringComparison.Ordinal))
        {
            return LinkedView.Refused<MemberDesk>(LinkedViewOutcome.LinkRefused, new LocalizedText("Liên kết này không phải của đồng chí", "This link is not for this desk."));
        }

        var now = clock.GetUtcNow();
        var today = VietnamDate.DayOf(now);
        var year = ReportingCalendar.DefaultPeriod(today).Year;
        var subtree = await units.GetSubtreeAsync(verification.Link.ScopeUnitId, cancellationToken);
        var scope = subtree.FirstOrDefault(u => u.Id == verification.Link.ScopeUnitId);
        var followed = subtree.Where(u => !string.IsNullOrWhiteSpace(u.AssignedMemberEmail) && MemberKey.Of(u.AssignedMemberEmail) == member
            && u.ActiveFrom.Year <= year && (u.ActiveTo is null || u.ActiveTo.Value.Year >= year)).ToList();

        var scored = new Dictionary<string, IReadOnlyList<ScoreRecord>>(StringComparer.Ordinal);
        foreach (var superior in followed.Where(u => u.Kind == UnitKind.Cell && u.ParentId is not null).Select(u => u.ParentId!).Distinct(StringComparer.Ordinal))
        {
            scored[superior] = await scores.GetYearAsync(superior, year, cancellationToken);
        }

        var ids = followed.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var open = (await alerts.GetActiveSnapshotAsync(cancellationToken)).Where(a => a.IsOpen && ids.Contains(a.Key.UnitId))
            .ToLookup(a => a.Key.UnitId, StringComparer.Ordinal);
        var ofYear = (await plans.GetOfYearAsync(year, cancellationToken)).Where(p => ids.Contains(p.Key.UnitId)).ToLookup(p => p.Key.UnitId, StringComparer.Ordinal);

        var duty = policy.PackFor(ScorePeriod.Of(today))?.AttendanceOrDefault ?? AttendancePolicy.Default;
        var rows = new List<DeskUnit>();
        foreach (var unit in followed)
        {
            var records = (await attendance.GetYearAsync(unit.Id, year, cancellationToken)).ToList();
            if (today.Year != year)
            {
                records.AddRange(await attendance.GetYearAsync(unit.Id, today.Year, cancellationToken));
            }

            rows.Add(Row(unit, year, scored, open[unit.Id].ToList(), ofYear[unit.Id].ToList(), records, member, today, now) with
            {
                DutyDue = !AttendanceDuty.IsMet(unit, records, today, duty),
            });
        }

        var ordered = rows.OrderByDescending(r => r.Urgency).ThenBy(r => r.UnitId, StringComparer.Ordinal).ToList();
        var name = followed.Select(u => u.AssignedMemberName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))
            ?? followed.Select(u => u.AssignedMemberEmail!.Trim()).FirstOrDefault() ?? string.Empty;
        return LinkedView.Found(
            new MemberDesk(name, verification.Link.ScopeUnitId, scope?.Name ?? verification.Link.ScopeUnitId, year, now, ordered)
            {
                Duty = AttendanceDuty.PeriodOf(today, duty.DutyMonths),
                DutyByAssignedMember = duty.DutyByAssignedMember,
            });
    }

    private DeskUnit Row(
        Unit unit, int year, Dictionary<string, IReadOnlyList<ScoreRecord>> scored, List<Alert> open, List<RemediationPlan> unitPlans,
        List<AttendanceRecord> records, string member, DateOnly today, DateTimeOffset now)
    {
        var attended = records.Where(r => r.Period.Year == year).Select(r => r.Period.Month).ToHashSet();
        var attendToken = signer.Sign(new SignedLink(RecordAttendance.Action, unit.Id, now + AttendLinkLifetime, member));
        var attendUrl = links.Attend(unit.Id, attendToken, null);
        var months = unit.Kind != UnitKind.Cell
            ? []
            : CellYear.Of(unit, year, scored.GetValueOrDefault(unit.ParentId!) ?? [], now).Select(m => new DeskMonth(m, attended.Contains(m.Period.Month), m.State switch
            {
                MonthState.Scored => links.Confirm(unit.Id, m.Period, now),
                MonthState.Missing => links.Attend(unit.Id, attendToken, m.Period),
                _ => null,
            })).ToList();
        var alertsShown = open.OrderBy(a => a.OpenedAt).Select(a => new DeskAlert(a.Key.Rule, a.Key.Period, today.DayNumber - a.OpenedOn.DayNumber,
            PlanRules.AsksForPlan(a.Key.Rule) ? planLinks.Review(a.Key, unit.Id, now)
            : ScorePeriod.TryParse(a.Key.Period, out var period) && unit.Kind == UnitKind.Cell ? links.Confirm(unit.Id, period, now) : null)).ToList();
        return new DeskUnit(
            unit.Id, unit.Name, months, alertsShown, Plan(unit, unitPlans, open, today, now),
            records.OrderByDescending(r => r.MeetingDate).FirstOrDefault(), false,
            months.Count(m => m.Month.Band == Scoring.Band.Weak), months.Count(m => m.Month.State == MonthState.Missing), attendUrl);
    }

    /// <summary>The plan that presses most: an overdue one, else an open one, else the latest; or one asked for by an open alert and not written.</summary>
    private DeskPlan? Plan(Unit unit, List<RemediationPlan> unitPlans, List<Alert> open, DateOnly today, DateTimeOffset now)
    {
        var candidates = unitPlans.Select(p => (Key: p.Key, Plan: (RemediationPlan?)p, Alert: open.FirstOrDefault(a => a.Key == p.Key)))
            .Concat(open.Where(a => PlanRules.AsksForPlan(a.Key.Rule) && unitPlans.All(p => p.Key != a.Key)).Select(a => (a.Key, Plan: (RemediationPlan?)null, Alert: (Alert?)a)))
            .Select(c => (c.Key, c.Plan, Overdue: c.Alert is { } alert ? PlanRules.OverdueReason(alert, c.Plan, today) is not null : c.Plan?.OverdueItems(today).Count > 0))
            .OrderByDescending(c => c.Overdue).ThenBy(c => c.Plan?.State is PlanState.Closed).ThenByDescending(c => c.Key.Period, StringComparer.Ordinal)
            .ToList();
        return candidates.Count == 0 ? null : candidates[0] is var (key, plan, overdue)
            ? new DeskPlan(key.Rule, key.Period, plan?.State, overdue, plan is { State: not PlanState.Draft } ? planLinks.Review(key, unit.Id, now) : null)
            : null;
    }
}
