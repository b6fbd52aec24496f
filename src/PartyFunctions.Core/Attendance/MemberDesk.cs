using System.Security.Cryptography;
using System.Text;
using PartyFunctions.Policy;
using PartyFunctions.Remediation;
using PartyFunctions.Status;

namespace PartyFunctions.Attendance;

/// <summary>
/// A committee member's desk: the units within <see cref="ScopeName"/> assigned to them, most urgent first, each with its
/// year at a glance, open alerts, remediation plan and last attendance, and the member's links to each detail.
/// </summary>
public sealed record MemberDesk(string MemberName, string ScopeId, string ScopeName, int Year, DateTimeOffset At, IReadOnlyList<DeskUnit> Units)
{
    public int Urgent => Units.Count(u => u.Urgency > 0);

    /// <summary>The attendance duty's current period (the pack's <see cref="AttendancePolicy.DutyMonths"/>).</summary>
    public DutyPeriod Duty { get; init; } = new(DateOnly.MinValue, DateOnly.MinValue, AttendancePolicy.DefaultDutyMonths);

    public bool DutyByAssignedMember { get; init; } = true;

    /// <summary>The units not attended yet in the duty's period, in the desk's order.</summary>
    public IReadOnlyList<DeskUnit> NotAttended => [.. Units.Where(u => u.DutyDue)];
}

/// <summary>
/// One unit followed: its months (a committee has none) with the months attended, the open alerts, the plan (the most
/// pressing of the year), the last attendance, whether the attendance duty of the current period is still owed
/// (<see cref="AttendanceDuty"/>), and how urgent it is.
/// </summary>
public sealed record DeskUnit(
    string UnitId,
    string Name,
    IReadOnlyList<DeskMonth> Months,
    IReadOnlyList<DeskAlert> OpenAlerts,
    DeskPlan? Plan,
    AttendanceRecord? LastAttendance,
    bool DutyDue,
    int WeakMonths,
    int MissingMonths,
    string AttendUrl)
{
    /// <summary>Open alerts weigh most, then an overdue plan, then an attendance owed, then weak and missing months; zero is calm.</summary>
    public int Urgency => (OpenAlerts.Count * 100) + (Plan is { Overdue: true } ? 50 : 0) + (DutyDue ? 20 : 0) + (WeakMonths * 5) + (MissingMonths * 5);
}

/// <summary>A month of the unit with whether someone attended its meeting and the link to its detail (the confirm sheet, or the attendance form).</summary>
public sealed record DeskMonth(CellMonthView Month, bool Attended, string? Url);

/// <summary>An open alert and where the member acts on it (the plan's review page, or the month's confirm sheet).</summary>
public sealed record DeskAlert(string Rule, string Period, int DaysOpen, string? Url);

/// <summary>The unit's plan of the year: its state (null: asked for, none written), whether it is overdue, and its review page.</summary>
public sealed record DeskPlan(string Rule, string Period, PlanState? State, bool Overdue, string? ReviewUrl);

/// <summary>The key of a member in the desk's address and in the desk and attend links' subject: a SHA-256 prefix of the address, so that no address is in a URL.</summary>
public static class MemberKey
{
    public static string Of(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())))[..16];
    }

    /// <summary>
    /// An attendance record's author as a key: records name it by key (their link's subject), or, when written before
    /// links carried keys, by address; a link with no subject names the committee it was issued to.
    /// </summary>
    public static string OfAuthor(string author)
    {
        ArgumentNullException.ThrowIfNull(author);
        return author.Contains('@', StringComparison.Ordinal) ? Of(author) : author;
    }
}
