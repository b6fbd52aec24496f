using System.Globalization;
using PartyFunctions.Alerts;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Submissions;

namespace PartyFunctions.Attendance;

/// <summary>
/// The attendance duty in the digests, run inside the daily escalation run so that everyone still gets one digest per
/// run. Not every day: on two days of each duty period (<see cref="OccasionOn"/>) — <see cref="DaysBefore"/> days before
/// it ends, and on the first day after it ended — each member behind gets a line with the units not attended and their
/// desk, and each committee's office a line naming its members behind and their units. The lines follow from the day and
/// storage alone, so a repeated or concurrent run writes the same digests (the outbox keeps the first). Reads, on those
/// days only: the registry, then one attendance partition per committee.
/// </summary>
public sealed class DutyFollowUp(IUnitStore units, IAttendanceStore attendance, SubmissionPolicy policy, AlertLinks links)
{
    /// <summary>How long before a period ends the members behind are told: two weeks to attend.</summary>
    public const int DaysBefore = 14;

    /// <summary>
    /// The day whose duty period the run on <paramref name="today"/> reports, or null on the other days: today,
    /// <see cref="DaysBefore"/> days before its period ends; yesterday, on the first day of a period (the one that ended).
    /// </summary>
    public static DutyOccasion? OccasionOn(DateOnly today, int dutyMonths)
    {
        var current = AttendanceDuty.PeriodOf(today, dutyMonths);
        return today == current.To.AddDays(-DaysBefore) ? new DutyOccasion(today, current, Ended: false)
            : today == current.From ? new DutyOccasion(today.AddDays(-1), AttendanceDuty.PeriodOf(today.AddDays(-1), dutyMonths), Ended: true)
            : null;
    }

    public async Task<IReadOnlyList<DigestLine>> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = VietnamDate.DayOf(now);
        var duty = PolicyOn(today);
        if (OccasionOn(today, duty.DutyMonths) is not { } occasion)
        {
            return [];
        }

        // The period that ended is judged by the pack in force then.
        duty = PolicyOn(occasion.Day);
        var all = await units.GetAllAsync(cancellationToken);
        var byId = all.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var lines = new List<DigestLine>();
        foreach (var committee in all.Where(u => u.ParentId is not null && u.AssignedMemberEmail is { Length: > 0 }).GroupBy(u => u.ParentId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(committee.Key, out var superior))
            {
                continue;
            }

            var records = await attendance.GetOfSuperiorYearAsync(superior.Id, occasion.Period.From.Year, cancellationToken);
            var behind = DutyRoll.Of(committee, records, occasion.Day, duty).Where(m => m.Behind && m.Email is not null).ToList();
            lines.AddRange(behind.Select(m => new DigestLine(new Recipient(m.Email!, m.Name), new DigestItem(
                NotificationKind.AttendanceDue, superior.Id, superior.Name, Label(occasion), Detail: Names(m.NotAttended),
                DeskUrl: links.Desk(superior.Id, m.Email!, now)))));
            if (behind.Count > 0 && superior.OfficeEmail is { Length: > 0 } office)
            {
                lines.Add(new DigestLine(new Recipient(office, superior.Name, Office: true), new DigestItem(
                    NotificationKind.AttendanceBehind, superior.Id, superior.Name, Label(occasion),
                    Detail: string.Join("; ", behind.Select(m => $"{m.Name}: {Names(m.NotAttended)}")),
                    ViewUrl: links.Duty(superior.Id, ScorePeriod.Of(occasion.Day), now))));
            }
        }

        return lines;
    }

    private AttendancePolicy PolicyOn(DateOnly day) => policy.PackFor(ScorePeriod.Of(day))?.AttendanceOrDefault ?? AttendancePolicy.Default;

    private static string Names(IEnumerable<Unit> units) => string.Join(", ", units.Select(u => u.Name));

    /// <summary>"01/04/2026–30/06/2026", the same in both languages.</summary>
    private static string Label(DutyOccasion occasion) =>
        string.Create(CultureInfo.InvariantCulture, $"{occasion.Period.From:dd/MM/yyyy}–{occasion.Period.To:dd/MM/yyyy}");
}

/// <summary>A run that reports the duty: the day it judges, that day's period, and whether the period has ended.</summary>
public sealed record DutyOccasion(DateOnly Day, DutyPeriod Period, bool Ended);
