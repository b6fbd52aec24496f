using PartyFunctions.Alerts;
using PartyFunctions.Organisation;

namespace PartyFunctions.UnitTests.Alerts;

/// <summary>The default escalation chain and when its steps fall due (docs/domain.md, "Deadlines and escalation").</summary>
public sealed class EscalationChainRulesTests
{
    private static readonly DateTimeOffset Opened = new(2025, 12, 9, 0, 5, 0, VietnamDate.Offset);
    private static readonly Unit Province = new("P", null, UnitKind.Province, "Tỉnh ủy", new DateOnly(2020, 1, 1), OfficeEmail: "vp.p@example.vn");
    private static readonly Unit District = new("P.D", "P", UnitKind.District, "Huyện ủy", new DateOnly(2020, 1, 1), OfficeEmail: "vp.d@example.vn");
    private static readonly Unit Committee = new("P.D.G", "P.D", UnitKind.Grassroots, "Đảng ủy xã", new DateOnly(2020, 1, 1), OfficeEmail: "vp.g@example.vn");

    private static Unit Cell(string? assignedMember) =>
        new("P.D.G.C1", "P.D.G", UnitKind.Cell, "Chi bộ thôn Một", new DateOnly(2025, 1, 1), AssignedMemberName: "Lê Văn Cường", AssignedMemberEmail: assignedMember);

    [Fact]
    public void A_cell_is_followed_by_its_assigned_member_then_its_committee_then_the_next_office_then_three_repeats()
    {
        var chain = EscalationPolicy.Default.ChainFor(Cell("am@example.vn"), [Committee, District, Province]);

        Assert.Equal(
            [(1, 0, false, "am@example.vn"), (2, 7, false, "vp.g@example.vn"), (3, 21, false, "vp.d@example.vn"),
             (3, 28, true, "vp.d@example.vn"), (3, 35, true, "vp.d@example.vn"), (3, 42, true, "vp.d@example.vn")],
            chain.Select(s => (s.Level, s.AfterDays, s.Repeat, s.Email)));
    }

    [Fact]
    public void A_cell_without_an_assigned_member_has_its_first_level_told_to_its_committee_at_once()
    {
        var first = EscalationPolicy.Default.ChainFor(Cell(assignedMember: null), [Committee, District])[0];

        Assert.Equal((1, 0, "P.D.G", "vp.g@example.vn"), (first.Level, first.AfterDays, first.RecipientUnitId, first.Email));
    }

    [Fact]
    public void A_committee_under_the_province_has_no_third_level_and_repeats_at_the_second()
    {
        var chain = EscalationPolicy.Default.ChainFor(District with { AssignedMemberEmail = "uvtv@example.vn" }, [Province]);

        Assert.Equal([1, 2, 2, 2, 2], chain.Select(s => s.Level));
        Assert.All(chain.Skip(2), s => Assert.True(s.Repeat));
    }

    [Theory]
    [InlineData(9, 0)]
    [InlineData(15, 0)]
    [InlineData(16, 1)]
    [InlineData(30, 2)]
    [InlineData(31, 2)]
    public void The_due_step_is_the_latest_whose_day_has_come(int december, int due)
    {
        var alert = Open();

        Assert.Equal(due, alert.DueStep(new DateOnly(2025, 12, december)));
    }

    [Fact]
    public void A_run_missed_for_weeks_sends_only_the_latest_due_step_and_records_the_ones_before_as_skipped()
    {
        var alert = Open();

        // 8 January is 30 days after the alert opened: the first repeat (day 28) is due, everything before it too.
        var step = alert.DueStep(new DateOnly(2026, 1, 8))!.Value;
        var taken = alert.Take(step, Opened.AddDays(30));

        Assert.Equal(3, step);
        Assert.Equal(4, taken.StepsTaken);
        Assert.Equal(
            [(1, AlertTransition.Skipped), (2, AlertTransition.Skipped), (3, AlertTransition.Skipped), (3, AlertTransition.Notified)],
            taken.History.Where(h => h.Level is not null).Select(h => (h.Level!.Value, h.Event)));
        Assert.Null(taken.DueStep(new DateOnly(2026, 1, 8)));
    }

    [Fact]
    public void An_acknowledged_or_resolved_alert_has_no_step_due()
    {
        var alert = Open();
        var day = new DateOnly(2026, 2, 1);

        Assert.Null(alert.Acknowledge(Opened.AddDays(1), "level 1").DueStep(day));
        Assert.Null(alert.Resolve(Opened.AddDays(1), "submission", "score arrived").DueStep(day));
    }

    [Fact]
    public void A_renewed_alert_climbs_its_chain_again_from_the_renewal_and_its_resolution_tells_only_those_told_since()
    {
        // First time round a run missed for weeks told level 3 only (levels 1 and 2 skipped), then it resolved and said so.
        var first = Open().Take(3, Opened.AddDays(30)).Resolve(Opened.AddDays(31), AlertTransition.System, "cleared").NoticeSent(Opened.AddDays(31));
        var again = Opened.AddDays(40);

        var renewed = first.Renew(EscalationPolicy.Default.ChainFor(Cell("am@example.vn"), [Committee, District, Province]), again, "late again");
        var resolved = renewed.Take(0, again).Resolve(again.AddDays(1), AlertTransition.System, "cleared");

        Assert.Equal((AlertState.Open, 0, "late again"), (renewed.State, renewed.StepsTaken, renewed.Detail));
        Assert.Equal((0, 1), (renewed.DueStep(VietnamDate.DayOf(again)), renewed.DueStep(VietnamDate.DayOf(again).AddDays(7))));
        Assert.Equal(first.History, renewed.History.Take(first.History.Count));
        Assert.Equal(["am@example.vn"], resolved.Alerted.Select(s => s.Email));
        Assert.True(resolved.AwaitsResolvedNotice);
        Assert.Same(renewed, renewed.Renew([], again, "open alerts are not renewed"));
    }

    private static Alert Open() =>
        Alert.Open(new AlertKey(AlertRules.Overdue, "P.D.G.C1", "2025-11"), Cell("am@example.vn"),
            EscalationPolicy.Default.ChainFor(Cell("am@example.vn"), [Committee, District, Province]), Opened);
}
