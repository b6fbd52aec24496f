using PartyFunctions.Deadlines;
using PartyFunctions.Organisation;
using PartyFunctions.Submissions;

namespace PartyFunctions.UnitTests.Deadlines;

/// <summary>The reporting deadlines in Vietnam time (docs/domain.md): due on the 5th, reminders on D-3 and D0, cut-off after the 8th.</summary>
public sealed class ReportingCalendarTests
{
    private static readonly ScorePeriod November = new(2025, 11);

    private static DateTimeOffset Hanoi(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2025, month, day, hour, minute, second, VietnamDate.Offset);

    [Fact]
    public void A_month_is_on_time_until_the_end_of_the_fifth_of_the_next_month_in_Vietnam()
    {
        Assert.False(ReportingCalendar.IsLate(November, Hanoi(12, 5, 23, 59, 59)));
        Assert.True(ReportingCalendar.IsLate(November, Hanoi(12, 6, 0)));
        // 17:30 UTC on the 5th is already the 6th in Hanoi.
        Assert.True(ReportingCalendar.IsLate(November, new DateTimeOffset(2025, 12, 5, 17, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_month_is_cut_off_at_the_end_of_the_eighth_of_the_next_month()
    {
        Assert.False(ReportingCalendar.IsCutOff(November, Hanoi(12, 8, 23, 59, 59)));
        Assert.True(ReportingCalendar.IsCutOff(November, Hanoi(12, 9, 0, 0)));
    }

    [Fact]
    public void The_month_a_day_reports_on_is_the_previous_one_across_the_new_year()
    {
        Assert.Equal(new ScorePeriod(2025, 12), ReportingCalendar.DefaultPeriod(new DateOnly(2026, 1, 3)));
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, "reminders-2025-11-d-3")]
    [InlineData(4, "reminders-2025-11-d-3")]
    [InlineData(5, "reminders-2025-11-d0")]
    [InlineData(6, null)]
    [InlineData(20, null)]
    public void A_day_calls_for_the_early_reminder_from_the_second_the_due_day_one_on_the_fifth_and_none_otherwise(int december, string? runId)
    {
        Assert.Equal(runId, ReminderOccasion.On(new DateOnly(2025, 12, december))?.RunId);
    }
}
