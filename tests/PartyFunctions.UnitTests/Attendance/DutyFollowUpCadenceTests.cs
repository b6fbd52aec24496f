using PartyFunctions.Attendance;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Submissions;

namespace PartyFunctions.UnitTests.Attendance;

/// <summary>
/// When the daily run reports the attendance duty (docs/follow-up.md, "The attendance duty"): two days a period, not
/// every day; and who is behind.
/// </summary>
public sealed class DutyFollowUpCadenceTests
{
    [Theory]
    [InlineData("2026-06-16", "2026-06-16", "2026-04-01", false)]
    [InlineData("2026-07-01", "2026-06-30", "2026-04-01", true)]
    [InlineData("2026-01-01", "2025-12-31", "2025-10-01", true)]
    [InlineData("2026-12-17", "2026-12-17", "2026-10-01", false)]
    public void The_duty_is_reported_fourteen_days_before_a_period_ends_and_on_the_first_day_after(string today, string judged, string periodFrom, bool ended)
    {
        var occasion = DutyFollowUp.OccasionOn(Day(today), 3);

        Assert.NotNull(occasion);
        Assert.Equal((Day(judged), Day(periodFrom), ended), (occasion.Day, occasion.Period.From, occasion.Ended));
    }

    [Theory]
    [InlineData("2026-06-15")]
    [InlineData("2026-06-17")]
    [InlineData("2026-06-30")]
    [InlineData("2026-07-02")]
    [InlineData("2026-05-01")]
    public void Other_days_report_nothing(string today) => Assert.Null(DutyFollowUp.OccasionOn(Day(today), 3));

    [Fact]
    public void A_monthly_duty_is_reported_in_every_month()
    {
        Assert.NotNull(DutyFollowUp.OccasionOn(Day("2026-02-14"), 1));
        Assert.NotNull(DutyFollowUp.OccasionOn(Day("2026-03-01"), 1));
        Assert.Null(DutyFollowUp.OccasionOn(Day("2026-02-15"), 1));
    }

    [Fact]
    public void The_roll_lists_per_member_the_units_not_attended_in_the_period_and_units_nobody_follows_last()
    {
        var c1 = Cell("G.C1", "cuong@x.vn", "Lê Văn Cường");
        var c2 = Cell("G.C2", "CUONG@x.vn ", "Lê Văn Cường");
        var c3 = Cell("G.C3", "dung@x.vn", "Đỗ Thị Dung");
        var c4 = Cell("G.C4", null, null);
        var closed = Cell("G.C5", "dung@x.vn", "Đỗ Thị Dung") with { ActiveTo = new DateOnly(2026, 3, 31) };
        var records = new[] { Record("G.C2", "2026-04-02", "cuong@x.vn"), Record("G.C1", "2026-03-31", "cuong@x.vn"), Record("G.C3", "2026-05-01", "dung@x.vn") };

        var roll = DutyRoll.Of([c1, c2, c3, c4, closed], records, Day("2026-05-10"), AttendancePolicy.Default);

        Assert.Equal(["cuong@x.vn", "dung@x.vn", null], roll.Select(m => m.Email));
        Assert.Equal(["G.C1"], roll[0].NotAttended.Select(u => u.Id));
        Assert.Equal(2, roll[0].Followed.Count);
        Assert.False(roll[1].Behind);
        Assert.Equal(["G.C4"], roll[2].NotAttended.Select(u => u.Id));
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static Unit Cell(string id, string? email, string? name) =>
        new(id, "G", UnitKind.Cell, "Chi bộ " + id, new DateOnly(2020, 1, 1), AssignedMemberName: name, AssignedMemberEmail: email, Path: "G!" + id);

    private static AttendanceRecord Record(string unit, string day, string author) => new(
        unit, ScorePeriod.Of(Day(day)), Day(day), author, author, [author], "Dự họp.", string.Empty, null, DateTimeOffset.UnixEpoch, "R1", 1);
}
