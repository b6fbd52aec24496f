using PartyFunctions.Organisation;
using PartyFunctions.Policy;

namespace PartyFunctions.Attendance;

/// <summary>
/// The attendance duty (<see cref="AttendancePolicy.DutyMonths"/>, once a quarter by default): the period of the year a
/// day falls in, and whether a unit was attended in it, by its assigned member unless the pack says anyone's record counts.
/// A unit with no assigned member counts anyone's.
/// </summary>
public static class AttendanceDuty
{
    /// <summary>The first and last day of the duty period holding <paramref name="day"/>: with 3, 01/04 to 30/06 for any day of Q2.</summary>
    public static DutyPeriod PeriodOf(DateOnly day, int months)
    {
        var length = months is 1 or 2 or 3 or 4 or 6 or 12 ? months : AttendancePolicy.DefaultDutyMonths;
        var first = new DateOnly(day.Year, ((day.Month - 1) / length * length) + 1, 1);
        return new DutyPeriod(first, first.AddMonths(length).AddDays(-1), length);
    }

    /// <summary>True when a record of a meeting held within the period of <paramref name="today"/> counts for <paramref name="unit"/>.</summary>
    public static bool IsMet(Unit unit, IEnumerable<AttendanceRecord> records, DateOnly today, AttendancePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(policy);
        var period = PeriodOf(today, policy.DutyMonths);
        var assigned = unit.AssignedMemberEmail?.Trim();
        return records.Any(r => string.Equals(r.UnitId, unit.Id, StringComparison.Ordinal) && period.Contains(r.MeetingDate)
            && (!policy.DutyByAssignedMember || string.IsNullOrEmpty(assigned) || IsBy(r, assigned)));
    }

    /// <summary>Records name their author by member key (<see cref="MemberKey"/>); those written before links carried keys, by address.</summary>
    public static bool IsBy(AttendanceRecord record, string email)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(email);
        return MemberKey.OfAuthor(record.Author.Trim()) == MemberKey.Of(email);
    }
}

/// <summary>One period of the duty: its first and last day, and its length in months.</summary>
public sealed record DutyPeriod(DateOnly From, DateOnly To, int Months)
{
    public bool Contains(DateOnly day) => From <= day && day <= To;
}
