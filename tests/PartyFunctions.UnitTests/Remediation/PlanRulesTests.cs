using PartyFunctions.Alerts;
using PartyFunctions.Organisation;
using PartyFunctions.Remediation;
using PartyFunctions.Submissions;

namespace PartyFunctions.UnitTests.Remediation;

/// <summary>The follow-up rules of docs/domain.md, "Remediation and follow-up": when a plan is overdue, which items the cell is reminded of, which months a consolidation plan waits for.</summary>
public sealed class PlanRulesTests
{
    private static readonly AlertKey Key = new(AlertRules.AnnualWeak, "G.C1", "2025");
    private static readonly Unit Cell = new("G.C1", "G", UnitKind.Cell, "Chi bộ thôn Một", new DateOnly(2025, 1, 1));

    // 23:30 in Vietnam on 15 December: the alert's day is the Vietnam one, not the UTC one (the 15th as well here).
    private static readonly Alert Opened = Alert.Open(Key, Cell, [], new DateTimeOffset(2025, 12, 15, 16, 30, 0, TimeSpan.Zero));
    private static readonly DateOnly Due = new(2026, 3, 31);

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    [InlineData(31, true)]
    public void A_plan_not_written_is_overdue_from_the_thirtieth_day_after_its_alert(int days, bool overdue)
    {
        var today = new DateOnly(2025, 12, 15).AddDays(days);

        Assert.Equal(overdue, PlanRules.OverdueReason(Opened, null, today) is not null);
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void A_draft_counts_as_not_written(int days, bool overdue)
    {
        var draft = Plan(PlanState.Draft, Item("1", Due));

        Assert.Equal(overdue, PlanRules.OverdueReason(Opened, draft, new DateOnly(2025, 12, 15).AddDays(days)) is not null);
    }

    [Fact]
    public void A_draft_with_items_past_their_deadline_is_overdue_for_not_being_submitted_not_for_its_items()
    {
        var draft = Plan(PlanState.Draft, Item("1", new DateOnly(2026, 1, 5)));

        Assert.Null(PlanRules.OverdueReason(Opened, draft, new DateOnly(2026, 1, 10)));
        Assert.Contains("Chưa nộp", PlanRules.OverdueReason(Opened, draft, new DateOnly(2026, 1, 14)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlanState.Submitted)]
    [InlineData(PlanState.Returned)]
    [InlineData(PlanState.Accepted)]
    public void A_submitted_plan_is_not_overdue_after_thirty_days_while_its_items_are_not_late(PlanState state)
    {
        Assert.Null(PlanRules.OverdueReason(Opened, Plan(state, Item("1", Due)), new DateOnly(2026, 3, 1)));
    }

    [Theory]
    [InlineData(PlanState.Submitted)]
    [InlineData(PlanState.Returned)]
    [InlineData(PlanState.Accepted)]
    public void An_open_item_is_overdue_the_day_after_its_deadline_and_not_on_it(PlanState state)
    {
        var plan = Plan(state, Item("1", Due), Item("2", Due.AddDays(10)));

        Assert.Null(PlanRules.OverdueReason(Opened, plan, Due));
        var reason = PlanRules.OverdueReason(Opened, plan, Due.AddDays(1));
        Assert.Equal("Quá hạn nội dung 1 / items past their deadline: 1.", reason);
        Assert.Equal(["1"], plan.OverdueItems(Due.AddDays(1)).Select(i => i.Id));
    }

    [Fact]
    public void A_closed_item_past_its_deadline_is_not_overdue_and_neither_is_a_closed_plan()
    {
        var closedItem = Item("1", Due) with { ClosedAt = new DateTimeOffset(2026, 4, 5, 3, 0, 0, TimeSpan.Zero) };
        var late = Due.AddDays(20);

        Assert.Null(PlanRules.OverdueReason(Opened, Plan(PlanState.Accepted, closedItem), late));
        Assert.Null(PlanRules.OverdueReason(Opened, Plan(PlanState.Closed, Item("1", Due)), late));
    }

    [Theory]
    [InlineData(-4, false)]
    [InlineData(-3, true)]
    [InlineData(-2, false)]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void The_cell_is_reminded_of_an_item_exactly_three_days_before_its_deadline_and_on_the_day(int daysFromDue, bool reminded)
    {
        var plan = Plan(PlanState.Accepted, Item("1", Due));

        Assert.Equal(reminded ? ["1"] : [], PlanRules.DueSoon(plan, Due.AddDays(daysFromDue)).Select(i => i.Id));
    }

    [Theory]
    [InlineData(PlanState.Submitted, true)]
    [InlineData(PlanState.Returned, true)]
    [InlineData(PlanState.Accepted, true)]
    [InlineData(PlanState.Draft, false)]
    [InlineData(PlanState.Closed, false)]
    public void Reminders_follow_a_plan_sent_to_the_superior_and_not_a_draft_or_a_closed_plan(PlanState state, bool reminded)
    {
        Assert.Equal(reminded, PlanRules.DueSoon(Plan(state, Item("1", Due)), Due).Count == 1);
    }

    [Fact]
    public void A_closed_item_is_never_reminded()
    {
        var plan = Plan(PlanState.Accepted, Item("1", Due) with { ClosedAt = new DateTimeOffset(2026, 3, 20, 3, 0, 0, TimeSpan.Zero) }, Item("2", Due));

        Assert.Equal(["2"], PlanRules.DueSoon(plan, Due.AddDays(-3)).Select(i => i.Id));
        Assert.Equal(["2"], PlanRules.DueSoon(plan, Due).Select(i => i.Id));
    }

    [Fact]
    public void The_months_after_acceptance_are_counted_from_the_Vietnam_day_of_acceptance_across_a_year_boundary()
    {
        // 17:30 UTC on 31 December 2026 is 00:30 on 1 January 2027 in Vietnam: accepted in January, so February and March.
        var plan = Plan(PlanState.Closed, Item("1", Due)) with { AcceptedAt = new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero) };

        Assert.Equal((new ScorePeriod(2027, 2), new ScorePeriod(2027, 3)), PlanRules.MonthsAfterAcceptance(plan));
    }

    [Fact]
    public void The_months_after_acceptance_of_a_December_acceptance_are_January_and_February()
    {
        var plan = Plan(PlanState.Accepted, Item("1", Due)) with { AcceptedAt = new DateTimeOffset(2026, 12, 31, 16, 59, 0, TimeSpan.Zero) };

        Assert.Equal((new ScorePeriod(2027, 1), new ScorePeriod(2027, 2)), PlanRules.MonthsAfterAcceptance(plan));
    }

    [Fact]
    public void A_plan_not_accepted_has_no_months_after_acceptance()
    {
        Assert.Null(PlanRules.MonthsAfterAcceptance(Plan(PlanState.Submitted, Item("1", Due))));
    }

    private static RemediationPlan Plan(PlanState state, params PlanItem[] items) =>
        new(Key, state, items, new DateTimeOffset(2025, 12, 20, 3, 0, 0, TimeSpan.Zero));

    private static PlanItem Item(string id, DateOnly due) => new(id, "Tổ chức lại sinh hoạt chi bộ", "Bí thư", due, []);
}
