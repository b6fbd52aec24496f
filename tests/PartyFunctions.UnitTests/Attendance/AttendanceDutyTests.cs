using PartyFunctions.Attendance;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Submissions;

namespace PartyFunctions.UnitTests.Attendance;

/// <summary>The attendance duty (docs/follow-up.md): once a quarter by the assigned member unless the pack says otherwise.</summary>
public sealed class AttendanceDutyTests
{
    private const string Member = "binh@example.vn";
    private static readonly Unit Cell = new("BN.G.C1", "BN.G", UnitKind.Cell, "Chi bộ thôn Một", new DateOnly(2020, 1, 1),
        AssignedMemberName: "Trần Thị Bình", AssignedMemberEmail: Member, Path: "BN|BN.G|BN.G.C1");

    [Fact]
    public void A_meeting_on_the_last_day_of_a_quarter_counts_for_that_quarter_and_not_for_the_next()
    {
        var records = new[] { Record(new DateOnly(2026, 3, 31), Member) };

        Assert.True(AttendanceDuty.IsMet(Cell, records, new DateOnly(2026, 3, 31), AttendancePolicy.Default));
        Assert.False(AttendanceDuty.IsMet(Cell, records, new DateOnly(2026, 4, 1), AttendancePolicy.Default));
        Assert.False(AttendanceDuty.IsMet(Cell, [Record(new DateOnly(2025, 12, 31), Member)], new DateOnly(2026, 1, 1), AttendancePolicy.Default));
    }

    [Fact]
    public void Only_the_assigned_members_record_counts_unless_the_pack_counts_anyones_or_nobody_is_assigned()
    {
        var others = new[] { Record(new DateOnly(2026, 2, 10), "khac@example.vn") };
        var day = new DateOnly(2026, 3, 1);

        Assert.False(AttendanceDuty.IsMet(Cell, others, day, AttendancePolicy.Default));
        Assert.True(AttendanceDuty.IsMet(Cell, [Record(new DateOnly(2026, 2, 10), " BINH@example.vn ")], day, AttendancePolicy.Default));
        Assert.True(AttendanceDuty.IsMet(Cell, others, day, AttendancePolicy.Default with { DutyByAssignedMember = false }));
        Assert.True(AttendanceDuty.IsMet(Cell with { AssignedMemberEmail = null }, others, day, AttendancePolicy.Default));
        Assert.False(AttendanceDuty.IsMet(Cell with { Id = "BN.G.C2" }, [Record(new DateOnly(2026, 2, 10), Member)], day, AttendancePolicy.Default));
    }

    [Theory]
    [InlineData(3, "2026-04-01", "2026-06-30")]
    [InlineData(1, "2026-05-01", "2026-05-31")]
    [InlineData(6, "2026-01-01", "2026-06-30")]
    [InlineData(12, "2026-01-01", "2026-12-31")]
    [InlineData(5, "2026-04-01", "2026-06-30")]
    public void The_period_is_counted_from_January_in_the_packs_months(int months, string from, string to)
    {
        var period = AttendanceDuty.PeriodOf(new DateOnly(2026, 5, 10), months);

        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)),
            (period.From, period.To));
    }

    [Fact]
    public void A_pack_may_set_the_duty_and_is_refused_with_a_period_that_does_not_divide_the_year()
    {
        var pack = PolicyCatalog.Embedded.Find("vn-2025")!;

        var monthly = PolicyPackLoader.Load(PolicyJson.Serialize(pack with { Attendance = new AttendancePolicy(DutyMonths: 1, DutyByAssignedMember: false) }));
        var five = PolicyPackLoader.Load(PolicyJson.Serialize(pack with { Attendance = new AttendancePolicy(DutyMonths: 5) }));

        Assert.True(monthly.Pack is not null, string.Join("; ", monthly.Errors.Select(e => $"{e.Path}: {e.Message}")));
        Assert.Equal((1, false), (monthly.Pack.AttendanceOrDefault.DutyMonths, monthly.Pack.AttendanceOrDefault.DutyByAssignedMember));
        Assert.Equal((3, true), (pack.AttendanceOrDefault.DutyMonths, pack.AttendanceOrDefault.DutyByAssignedMember));
        Assert.Null(five.Pack);
        Assert.Contains(five.Errors, e => e.Path.Contains("dutyMonths", StringComparison.Ordinal));
    }

    private static AttendanceRecord Record(DateOnly meeting, string author) => new(
        Cell.Id, new ScorePeriod(meeting.Year, meeting.Month), meeting, author, "Trần Thị Bình", ["Trần Thị Bình"], "Chu đáo.", "Không.", null,
        new DateTimeOffset(meeting.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "R-1", 1);
}
