using PartyFunctions.Organisation;
using PartyFunctions.Policy;

namespace PartyFunctions.Attendance;

/// <summary>
/// The attendance duty over many units for one period (<see cref="AttendanceDuty"/>): the units active in the period that
/// someone follows (every unit but a deployment's top), grouped by their assigned member, with those not attended yet.
/// Both the committee's duty page and the digests' duty lines read it, so they always agree.
/// </summary>
public static class DutyRoll
{
    /// <summary>
    /// Each member's units and those not attended in the period holding <paramref name="day"/>, members by name (units
    /// with no assigned member last, under a null address), units by their place in the tree.
    /// </summary>
    public static IReadOnlyList<MemberDuty> Of(IEnumerable<Unit> units, IEnumerable<AttendanceRecord> records, DateOnly day, AttendancePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(policy);
        var period = AttendanceDuty.PeriodOf(day, policy.DutyMonths);
        var byUnit = records.ToLookup(r => r.UnitId, StringComparer.Ordinal);
        return units
            .Where(u => u.ParentId is not null && u.ActiveFrom <= period.To && (u.ActiveTo is null || u.ActiveTo >= period.From))
            .OrderBy(u => u.Path ?? u.Id, StringComparer.Ordinal)
            .GroupBy(u => u.AssignedMemberEmail?.Trim() ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .Select(member => new MemberDuty(
                member.Key.Length == 0 ? null : member.Key,
                member.Select(u => u.AssignedMemberName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? member.Key,
                [.. member],
                [.. member.Where(u => !AttendanceDuty.IsMet(u, byUnit[u.Id], day, policy))]))
            .OrderBy(m => m.Email is null).ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>One member's duty in a period: the units they follow and those not attended yet. No address: units nobody follows.</summary>
public sealed record MemberDuty(string? Email, string Name, IReadOnlyList<Unit> Followed, IReadOnlyList<Unit> NotAttended)
{
    public bool Behind => NotAttended.Count > 0;
}
