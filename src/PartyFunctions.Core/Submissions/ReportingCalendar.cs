using PartyFunctions.Organisation;

namespace PartyFunctions.Submissions;

/// <summary>
/// The default reporting deadlines of docs/domain.md, in Vietnam time: a month is due on the 5th of the next month at
/// 23:59 and cut off at the end of the 8th (the cut-off timer runs just after midnight on the 9th). Until the cut-off
/// the cell may amend; after it only the superior confirms or corrects. A submission after the due time is late.
/// </summary>
public static class ReportingCalendar
{
    public const int DueDay = 5;
    public const int CutoffDay = 8;

    /// <summary>The 5th of the next month, 23:59 Vietnam time (inclusive: a submission at 23:59:59 is on time).</summary>
    public static DateTimeOffset Due(ScorePeriod period) => EndOfVietnamDay(period.FirstDay.AddMonths(1).AddDays(DueDay - 1));

    /// <summary>The end of the 8th of the next month, Vietnam time: the first instant at which the month is cut off.</summary>
    public static DateTimeOffset Cutoff(ScorePeriod period) => EndOfVietnamDay(period.FirstDay.AddMonths(1).AddDays(CutoffDay - 1));

    public static bool IsLate(ScorePeriod period, DateTimeOffset at) => at >= Due(period);

    public static bool IsCutOff(ScorePeriod period, DateTimeOffset at) => at >= Cutoff(period);

    /// <summary>The month a cell is asked for by default on <paramref name="today"/>: the previous month.</summary>
    public static ScorePeriod DefaultPeriod(DateOnly today) => ScorePeriod.Of(today).Previous;

    // Midnight starting the next Vietnam day: "until 23:59" includes the whole last minute.
    private static DateTimeOffset EndOfVietnamDay(DateOnly day) =>
        new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamDate.Offset);
}
