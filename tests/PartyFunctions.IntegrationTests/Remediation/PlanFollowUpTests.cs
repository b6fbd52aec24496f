using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.Alerts;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Notifications;
using PartyFunctions.Remediation;

namespace PartyFunctions.IntegrationTests.Remediation;

/// <summary>
/// Follow-up that does not depend on memory (issue 16, item 4), with the fake clock through the real escalation timer on
/// Azurite: C1 is weak for 2025 (alert opened 15 December), writes its plan on the 20th, the member accepts it on the 22nd.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlanFollowUpTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_cells_secretary_is_reminded_of_each_item_three_days_before_its_deadline_and_on_the_day_in_that_days_one_digest()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        var key = await AcceptedPlanAsync(world, new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 12));

        var told = new List<(string Day, NotificationKind Kind, string? Detail)>();
        for (var day = new DateOnly(2026, 1, 1); day <= new DateOnly(2026, 1, 14); day = day.AddDays(1))
        {
            await world.EscalateAsync(day);
            told.AddRange((await world.ToldAsync(day, world.Secretary(world.C1), world.C1)).Select(i => ($"{day:MM-dd}", i.Kind, i.Detail?[..2])));
        }

        Assert.Equal(
            [
                ("01-07", NotificationKind.PlanItemDue, "1."),
                ("01-09", NotificationKind.PlanItemDue, "2."),
                ("01-10", NotificationKind.PlanItemDue, "1."),
                ("01-12", NotificationKind.PlanItemDue, "2."),
            ],
            told);
        var reminder = Assert.Single((await world.DigestAsync("escalation-2026-01-07", world.Secretary(world.C1)))!.Items);
        Assert.Equal(world.Host.Services.GetRequiredService<PlanLinks>().CellPlan(key), reminder.ActionUrl);
        Assert.Contains("hạn 10/01/2026", reminder.Detail, StringComparison.Ordinal);
        Assert.Null(await world.DigestAsync("escalation-2026-01-07", world.Secretary(world.C2)));
    }

    [Fact]
    public async Task An_item_still_open_the_day_after_its_deadline_opens_plan_overdue_for_the_assigned_member_which_climbs_to_the_office_after_seven_days()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        var key = await AcceptedPlanAsync(world, new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 28));
        var overdue = key with { Rule = AlertRules.PlanOverdue };

        var sent = new List<(string Day, string To, NotificationKind Kind, int? Level)>();
        for (var day = new DateOnly(2026, 1, 10); day <= new DateOnly(2026, 1, 26); day = day.AddDays(1))
        {
            await world.EscalateAsync(day);
            foreach (var to in new[] { world.AssignedMember, world.GrassrootsOffice, world.DistrictOffice })
            {
                sent.AddRange((await world.ToldAsync(day, to, world.C1)).Where(i => i.Rule == AlertRules.PlanOverdue).Select(i => ($"{day:MM-dd}", to, i.Kind, i.Level)));
            }

            if (day == new DateOnly(2026, 1, 10))
            {
                Assert.Null(await world.Alerts.GetAsync(overdue, default));
            }
        }

        Assert.Equal(
            [
                ("01-11", world.AssignedMember, NotificationKind.PlanOverdue, 1),
                ("01-18", world.GrassrootsOffice, NotificationKind.Escalated, 2),
            ],
            sent);
        var opened = (await world.ToldAsync(new DateOnly(2026, 1, 11), world.AssignedMember, world.C1)).Single(i => i.Rule == AlertRules.PlanOverdue);
        Assert.Equal((key.Period, "Quá hạn nội dung 1 / items past their deadline: 1."), (opened.Period, opened.Detail));
        Assert.Equal(AlertState.Open, (await world.AlertAsync(AlertRules.PlanOverdue, world.C1, "2025")).State);
    }

    [Fact]
    public async Task Closing_the_late_item_resolves_plan_overdue_at_the_next_run_and_tells_the_member_once()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        await FirstItemClosedLateAsync(world, new DateOnly(2026, 2, 28));
        Assert.Equal(AlertState.Open, (await world.AlertAsync(AlertRules.PlanOverdue, world.C1, "2025")).State);
        await world.EscalateAsync(new DateOnly(2026, 1, 13));
        await world.EscalateAsync(new DateOnly(2026, 1, 14));

        var resolved = await world.AlertAsync(AlertRules.PlanOverdue, world.C1, "2025");
        Assert.Equal((AlertState.Resolved, PlanFollowUp.NoLongerOverdue), (resolved.State, resolved.History.Last(h => h.Event == AlertTransition.Resolved).Detail));
        Assert.Equal([NotificationKind.Resolved], (await world.ToldAsync(new DateOnly(2026, 1, 13), world.AssignedMember, world.C1))
            .Where(i => i.Rule == AlertRules.PlanOverdue).Select(i => i.Kind));
        Assert.DoesNotContain(await world.ToldAsync(new DateOnly(2026, 1, 14), world.AssignedMember, world.C1), i => i.Rule == AlertRules.PlanOverdue);
        Assert.True((await world.AlertAsync(AlertRules.AnnualWeak, world.C1, "2025")).IsOpen);
    }

    [Fact]
    public async Task Another_item_past_its_deadline_after_plan_overdue_resolved_opens_it_again_for_the_assigned_member_and_it_climbs_again()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        await FirstItemClosedLateAsync(world, new DateOnly(2026, 1, 20));
        await world.EscalateAsync(new DateOnly(2026, 1, 13));
        await world.EscalateAsync(new DateOnly(2026, 1, 14));

        await world.EscalateAsync(new DateOnly(2026, 1, 21));
        await world.EscalateAsync(new DateOnly(2026, 1, 28));

        var again = (await world.ToldAsync(new DateOnly(2026, 1, 21), world.AssignedMember, world.C1)).Single(i => i.Rule == AlertRules.PlanOverdue);
        Assert.Equal((NotificationKind.PlanOverdue, 1, "Quá hạn nội dung 2 / items past their deadline: 2."), (again.Kind, again.Level, again.Detail));
        Assert.Equal([(NotificationKind.Escalated, 2)], (await world.ToldAsync(new DateOnly(2026, 1, 28), world.GrassrootsOffice, world.C1))
            .Where(i => i.Rule == AlertRules.PlanOverdue).Select(i => (i.Kind, i.Level ?? 0)));
        var alert = await world.AlertAsync(AlertRules.PlanOverdue, world.C1, "2025");
        Assert.Equal((AlertState.Open, 2), (alert.State, alert.History.Count(h => h.Event == AlertTransition.Opened)));
    }

    [Fact]
    public async Task A_plan_not_submitted_thirty_days_after_its_alert_opens_plan_overdue_even_as_a_draft_and_submitting_it_resolves_that()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        var key = await world.AnnualWeakPlanAsync(new DateOnly(2026, 1, 5), submit: false, new DateOnly(2026, 2, 28));

        await world.EscalateAsync(new DateOnly(2026, 1, 13));
        Assert.Null(await world.Alerts.GetAsync(key with { Rule = AlertRules.PlanOverdue }, default));
        await world.EscalateAsync(new DateOnly(2026, 1, 14));
        var opened = (await world.ToldAsync(new DateOnly(2026, 1, 14), world.AssignedMember, world.C1)).Single(i => i.Rule == AlertRules.PlanOverdue);
        Assert.Equal((NotificationKind.PlanOverdue, 1), (opened.Kind, opened.Level));
        Assert.StartsWith("Chưa nộp kế hoạch khắc phục sau 30 ngày", opened.Detail, StringComparison.Ordinal);

        world.At(2026, 1, 14, 15);
        await world.WritePlanAsync(key, submit: true, new DateOnly(2026, 2, 28));
        await world.EscalateAsync(new DateOnly(2026, 1, 15));

        Assert.Equal(AlertState.Resolved, (await world.AlertAsync(AlertRules.PlanOverdue, world.C1, "2025")).State);
    }

    /// <summary>Item 1, due 10 January, made plan-overdue open on the 11th and was closed on the 12th; item 2 is due on <paramref name="second"/>.</summary>
    private static async Task FirstItemClosedLateAsync(AlertWorld world, DateOnly second)
    {
        var key = await AcceptedPlanAsync(world, new DateOnly(2026, 1, 10), second);
        await world.EscalateAsync(new DateOnly(2026, 1, 11));
        world.At(2026, 1, 12, 10);
        await world.CloseItemAsync(key, "1");
    }

    /// <summary>C1's annual-weak alert opened on 15 December, its plan with <paramref name="deadlines"/> submitted on the 20th and accepted on the 22nd.</summary>
    private static async Task<AlertKey> AcceptedPlanAsync(AlertWorld world, params DateOnly[] deadlines)
    {
        var key = await world.AnnualWeakPlanAsync(new DateOnly(2025, 12, 20), submit: true, deadlines);
        world.At(2025, 12, 22);
        await world.AcceptAsync(key);
        return key;
    }
}
