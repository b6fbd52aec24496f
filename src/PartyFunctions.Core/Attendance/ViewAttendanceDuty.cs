using PartyFunctions.Access;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Submissions;

namespace PartyFunctions.Attendance;

/// <summary>
/// Use case: the attendance duty beside the monthly status, from the same signed "view" link covering the unit: for the
/// duty period holding the month (the current one while it runs), each assigned member within the unit's subtree with
/// the units they follow not attended yet (<see cref="DutyRoll"/>). Reads the subtree, then the attendance of each
/// committee whose units are listed, one partition for its year: never one query per unit.
/// </summary>
public sealed class ViewAttendanceDuty(SubtreeAccess access, IUnitStore units, IAttendanceStore attendance, SubmissionPolicy policy, TimeProvider clock)
{
    public async Task<LinkedView<AttendanceDutyReport>> LoadAsync(string? token, string unitId, string? periodText, CancellationToken cancellationToken)
    {
        var opened = await Status.MonthViewAccess.OpenAsync(access, token, unitId, periodText, cancellationToken);
        if (opened.Unit is not { } unit)
        {
            return opened.Refused<AttendanceDutyReport>();
        }

        var month = opened.Period;

        var now = clock.GetUtcNow();
        var today = VietnamDate.DayOf(now);
        // The period holding the month: as it ended when it is over, as it stands today while it runs.
        var duty = policy.PackFor(month)?.AttendanceOrDefault ?? AttendancePolicy.Default;
        var period = AttendanceDuty.PeriodOf(month.FirstDay, duty.DutyMonths);
        var day = period.To < today ? period.To : today < period.From ? period.From : today;
        var below = (await units.GetSubtreeAsync(unit.Id, cancellationToken)).Where(u => u.Id != unit.Id).ToList();
        var records = new List<AttendanceRecord>();
        foreach (var superior in below.Select(u => u.ParentId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            records.AddRange(await attendance.GetOfSuperiorYearAsync(superior, period.From.Year, cancellationToken));
        }

        return LinkedView.Found(new AttendanceDutyReport(
            unit.Id, unit.Name, month, period, period.Contains(today), duty.DutyByAssignedMember, now, DutyRoll.Of(below, records, day, duty)));
    }
}

/// <summary>
/// The duty under one unit for one period: whether the period is still running (<see cref="Running"/>), and each member
/// with the units not attended yet.
/// </summary>
public sealed record AttendanceDutyReport(
    string UnitId, string UnitName, ScorePeriod Month, DutyPeriod Period, bool Running, bool ByAssignedMember, DateTimeOffset At,
    IReadOnlyList<MemberDuty> Members)
{
    public int Followed => Members.Sum(m => m.Followed.Count);

    public int NotAttended => Members.Sum(m => m.NotAttended.Count);
}
