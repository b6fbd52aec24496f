using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.Alerts;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Notifications;
using PartyFunctions.Remediation;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Remediation;

/// <summary>When a plan's alert resolves (issue 16, item 6; docs/domain.md), through the real escalation timer on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlanClosingRulesTests(AzuriteFixture azurite)
{
    private static readonly ScorePeriod January = new(2026, 1);
    private static readonly ScorePeriod February = new(2026, 2);

    [Theory]
    [InlineData(Band.Fair, Band.Good, AlertState.Resolved)]
    [InlineData(Band.Fair, Band.Average, AlertState.Open)]
    [InlineData(Band.Average, Band.Fair, AlertState.Open)]
    public async Task A_closed_consolidation_plan_resolves_its_alert_at_the_next_run_only_once_both_months_after_acceptance_are_Kha_or_better(
        Band first, Band second, AlertState after)
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        var key = await ConsolidationAsync(world);
        world.At(2025, 12, 4);
        await world.WritePlanAsync(key, submit: true, new DateOnly(2025, 12, 20));
        world.At(2025, 12, 6);
        var closed = await world.AcceptAndCloseAsync(key);
        Assert.Equal((January, February), PlanRules.MonthsAfterAcceptance(closed));

        // Closed, but neither month after acceptance is in: the plan alone does not resolve it.
        await world.EscalateAsync(new DateOnly(2025, 12, 10));
        Assert.Equal(AlertState.Open, (await world.AlertAsync(AlertRules.NeedsConsolidation, world.C1, "2025-11")).State);

        world.At(2026, 2, 3);
        await world.SubmitAsync(world.C1, January, first);
        await world.EscalateAsync(new DateOnly(2026, 2, 4));
        Assert.Equal(AlertState.Open, (await world.AlertAsync(AlertRules.NeedsConsolidation, world.C1, "2025-11")).State);

        world.At(2026, 3, 3);
        await world.SubmitAsync(world.C1, February, second);
        await world.EscalateAsync(new DateOnly(2026, 3, 4));

        var alert = await world.AlertAsync(AlertRules.NeedsConsolidation, world.C1, "2025-11");
        Assert.Equal(after, alert.State);
        if (after == AlertState.Resolved)
        {
            var resolution = alert.History.Last(h => h.Event == AlertTransition.Resolved);
            Assert.Equal((AlertTransition.System, PlanClosure.ConsolidatedReason), (resolution.Actor, resolution.Detail));
        }
    }

    [Fact]
    public async Task Two_good_months_after_acceptance_do_not_resolve_the_consolidation_alert_while_its_plan_is_open()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        var key = await ConsolidationAsync(world);
        world.At(2025, 12, 4);
        await world.WritePlanAsync(key, submit: true, new DateOnly(2026, 3, 31));
        world.At(2025, 12, 6);
        await world.AcceptAsync(key);

        world.At(2026, 2, 3);
        await world.SubmitAsync(world.C1, January, Band.Good);
        world.At(2026, 3, 3);
        await world.SubmitAsync(world.C1, February, Band.Good);
        await world.EscalateAsync(new DateOnly(2026, 3, 4));
        Assert.Equal(AlertState.Open, (await world.AlertAsync(AlertRules.NeedsConsolidation, world.C1, "2025-11")).State);

        world.At(2026, 3, 5, 10);
        await world.CloseItemAsync(key, "1");
        await world.ClosePlanAsync(key);
        Assert.Equal(AlertState.Resolved, (await world.AlertAsync(AlertRules.NeedsConsolidation, world.C1, "2025-11")).State);
    }

    [Fact]
    public async Task Reopening_an_item_of_a_closed_plan_reopens_the_plan_and_its_annual_weak_alert_as_acknowledged_and_closing_again_resolves_it_again()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        var key = await world.AnnualWeakPlanAsync(new DateOnly(2025, 12, 20), submit: true, new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 28));
        world.At(2025, 12, 21);
        await world.AcceptAndCloseAsync(key);
        var resolved = await world.AlertAsync(AlertRules.AnnualWeak, world.C1, "2025");
        Assert.Equal((AlertState.Resolved, PlanClosure.PlanClosedReason), (resolved.State, resolved.History[^1].Detail));
        await world.EscalateAsync(new DateOnly(2025, 12, 22));

        world.At(2025, 12, 23, 10);
        var reopened = await world.ReopenItemAsync(key, "2");
        var alert = await world.AlertAsync(AlertRules.AnnualWeak, world.C1, "2025");
        Assert.Equal((PlanState.Accepted, null, null), (reopened.State, reopened.ClosedAt, reopened.Items[1].ClosedAt));
        Assert.Equal((AlertState.Acknowledged, AlertTransition.Reopened, PlanSteps.Member), (alert.State, alert.History[^1].Event, alert.History[^1].Actor));

        // Acknowledged: someone is on it, so the chain does not climb while the item is open again.
        await world.EscalateAsync(new DateOnly(2025, 12, 29));
        Assert.DoesNotContain(await world.ToldAsync(new DateOnly(2025, 12, 29), world.GrassrootsOffice, world.C1), i => i.Rule == AlertRules.AnnualWeak);

        world.At(2025, 12, 30, 10);
        await world.CloseItemAsync(key, "2");
        var closedAgain = await world.ClosePlanAsync(key);
        Assert.Equal(PlanState.Closed, closedAgain.State);
        Assert.Equal(AlertState.Resolved, (await world.AlertAsync(AlertRules.AnnualWeak, world.C1, "2025")).State);
        await world.EscalateAsync(new DateOnly(2025, 12, 31));

        // The member was told of each resolution once.
        foreach (var day in new[] { new DateOnly(2025, 12, 22), new DateOnly(2025, 12, 31) })
        {
            Assert.Equal([NotificationKind.Resolved],
                (await world.ToldAsync(day, world.AssignedMember, world.C1)).Where(i => i.Rule == AlertRules.AnnualWeak).Select(i => i.Kind));
        }

        Assert.Equal(
            [PlanActionKind.Submitted, PlanActionKind.Accepted, PlanActionKind.ItemClosed, PlanActionKind.ItemClosed, PlanActionKind.Closed,
                PlanActionKind.ItemReopened, PlanActionKind.ItemClosed, PlanActionKind.Closed],
            closedAgain.Actions.Select(a => a.Kind));
    }

    /// <summary>C1 Trung bình in October and Kém in November 2025: two poor months in a row open needs-consolidation for November.</summary>
    private static async Task<AlertKey> ConsolidationAsync(AlertWorld world)
    {
        world.At(2025, 11, 3);
        await world.SubmitAsync(world.C1, AlertWorld.November.Previous, Band.Average);
        world.At(2025, 12, 3);
        await world.SubmitAsync(world.C1, AlertWorld.November, Band.Weak);
        Assert.Equal(AlertState.Open, (await world.AlertAsync(AlertRules.NeedsConsolidation, world.C1, "2025-11")).State);
        return new AlertKey(AlertRules.NeedsConsolidation, world.C1, "2025-11");
    }
}
