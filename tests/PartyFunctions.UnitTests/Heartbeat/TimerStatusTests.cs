using PartyFunctions.Heartbeat;

namespace PartyFunctions.UnitTests.Heartbeat;

public sealed class TimerStatusTests
{
    private static readonly TimerSchedule Daily = new("Escalation", "0 0 1 * * *");
    private static readonly TimerSchedule Annual = new("AnnualClassification", "0 0 19 14 12 *");

    [Fact]
    public void A_daily_timer_is_late_once_its_next_run_is_more_than_a_day_overdue()
    {
        var lastSuccess = At(2025, 12, 1, 1, 2);
        var record = new HeartbeatRecord("Escalation", lastSuccess, null);

        // Next run due 2 December 01:00; late after 3 December 01:00.
        Assert.False(TimerStatus.Of(Daily, record, At(2025, 12, 3, 0, 59)).Late);
        var late = TimerStatus.Of(Daily, record, At(2025, 12, 3, 1, 1));
        Assert.True(late.Late);
        Assert.Equal(At(2025, 12, 2, 1, 0), late.DueBy);
    }

    [Fact]
    public void An_annual_timer_is_not_late_between_its_runs()
    {
        var record = new HeartbeatRecord("AnnualClassification", At(2025, 12, 14, 19, 5), null);

        Assert.False(TimerStatus.Of(Annual, record, At(2026, 12, 15, 18, 59)).Late);
        Assert.True(TimerStatus.Of(Annual, record, At(2026, 12, 15, 19, 1)).Late);
    }

    [Fact]
    public void A_timer_never_seen_is_not_late_and_one_first_seen_counts_from_that_notice()
    {
        Assert.False(TimerStatus.Of(Daily, null, At(2030, 1, 1, 0, 0)).Late);

        var noticed = new HeartbeatRecord("Escalation", null, At(2025, 12, 1, 2, 30));
        Assert.False(TimerStatus.Of(Daily, noticed, At(2025, 12, 3, 0, 59)).Late);
        Assert.True(TimerStatus.Of(Daily, noticed, At(2025, 12, 3, 1, 1)).Late);
        // An annual timer deployed in spring is not late until its first December run is missed.
        var spring = new HeartbeatRecord("AnnualClassification", null, At(2026, 3, 1, 2, 30));
        Assert.False(TimerStatus.Of(Annual, spring, At(2026, 12, 15, 18, 59)).Late);
        Assert.True(TimerStatus.Of(Annual, spring, At(2026, 12, 15, 19, 1)).Late);
    }

    [Fact]
    public void A_timer_whose_schedule_cannot_be_read_is_late_a_day_after_its_baseline()
    {
        var broken = new TimerSchedule("Cutoff", null);
        var record = new HeartbeatRecord("Cutoff", null, At(2025, 12, 1, 2, 30));

        Assert.False(TimerStatus.Of(broken, record, At(2025, 12, 2, 2, 29)).Late);
        Assert.True(TimerStatus.Of(broken, record, At(2025, 12, 2, 2, 31)).Late);
    }

    [Theory]
    [InlineData("0 0 1 2,5 * *", "2025-12-02T01:00:00Z")]
    [InlineData("0 1 2,5 * *", "2025-12-02T01:00:00Z")]
    [InlineData("0 5 17 8 * *", "2025-12-08T17:05:00Z")]
    [InlineData("06:00:00", "2025-11-30T06:00:00Z")]
    public void Reads_the_schedules_the_host_accepts(string expression, string next)
    {
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture),
            new TimerSchedule("t", expression).NextAfter(At(2025, 11, 30, 0, 0)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("every day")]
    [InlineData("0 0 25 * * *")]
    public void An_unreadable_schedule_has_no_next_run(string expression) =>
        Assert.Null(new TimerSchedule("t", expression).NextAfter(At(2025, 11, 30, 0, 0)));

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
