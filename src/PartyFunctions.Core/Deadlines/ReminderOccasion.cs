using PartyFunctions.Submissions;

namespace PartyFunctions.Deadlines;

/// <summary>
/// Which reminder a day calls for: D-3 (the 2nd, also on the 3rd and 4th when the 2nd's run was missed) or D0 (the
/// 5th) for the previous month. Any other day calls for none: after the due date the cut-off takes over.
/// </summary>
public sealed record ReminderOccasion(ScorePeriod Period, string Name)
{
    public const int EarlyDay = ReportingCalendar.DueDay - 3;

    public string RunId => $"reminders-{Period}-{Name}";

    public static ReminderOccasion? On(DateOnly today) => today.Day switch
    {
        >= EarlyDay and < ReportingCalendar.DueDay => new(ReportingCalendar.DefaultPeriod(today), "d-3"),
        ReportingCalendar.DueDay => new(ReportingCalendar.DefaultPeriod(today), "d0"),
        _ => null,
    };
}
