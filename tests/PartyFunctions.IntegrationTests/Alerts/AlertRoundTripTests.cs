using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Organisation;

namespace PartyFunctions.IntegrationTests.Alerts;

/// <summary>
/// The storage requests of opening an alert, counted with a pipeline policy in the real app (FunctionHost), as
/// SubmissionRoundTripTests counts a submission. The digest (an outbox blob and a queue message per recipient, shared
/// by all the alerts of a run) is left out: what is counted is the alert's own rows.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AlertRoundTripTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Opening_an_alert_whose_first_step_is_due_costs_three_requests_the_insert_and_its_two_index_rows()
    {
        var log = new StorageRequestLog(azurite);
        await using var world = await AlertWorld.CreateAsync(azurite, overrides: log.Register);
        world.At(2025, 11, 6);
        var (c1, c2) = (await UnitAsync(world, world.C1), await UnitAsync(world, world.C2));
        var superiors = await world.Host.Services.GetRequiredService<IUnitStore>().GetSuperiorsAsync(world.C1, default);
        var open = world.Host.Services.GetRequiredService<OpenAlerts>();
        // The first alert creates the tables; the second is what every later alert costs.
        await open.RunAsync("warm", [new AlertRequest(new AlertKey(AlertRules.Overdue, world.C1, "2025-10"), null, c1, superiors)], default);

        var requests = await log.DuringAsync(async () => Assert.Equal(1, (await open.RunAsync(
            "cutoff-2025-10", [new AlertRequest(new AlertKey(AlertRules.Overdue, world.C2, "2025-10"), null, c2, superiors)], default)).Opened));

        var alertRows = requests.Where(r => r.Service == "table" && r.Path.Contains("Alert", StringComparison.Ordinal)).ToList();
        Assert.Equal(["POST", "PUT", "PUT"], alertRows.Select(r => r.Method).Order(StringComparer.Ordinal));
        var alert = await world.AlertAsync(AlertRules.Overdue, world.C2, "2025-10");
        Assert.Equal(1, alert.StepsTaken);
        Assert.NotNull(await world.DigestAsync("cutoff-2025-10", world.AssignedMember));
    }

    [Fact]
    public async Task A_run_repeated_after_a_crash_between_the_insert_and_the_digest_still_sends_the_first_step_once()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        world.At(2025, 11, 6);
        var c1 = await UnitAsync(world, world.C1);
        var superiors = await world.Host.Services.GetRequiredService<IUnitStore>().GetSuperiorsAsync(world.C1, default);
        var policy = world.Host.Services.GetRequiredService<EscalationPolicy>();
        var key = new AlertKey(AlertRules.Overdue, world.C1, "2025-10");
        var now = world.Clock.GetUtcNow();
        // What the crashed attempt left: the alert stored with its first step taken, and no digest.
        var open = Alert.Open(key, c1, policy.ChainFor(c1, superiors), now);
        Assert.NotNull(await world.Alerts.TryAddAsync(open.Take(0, now) with { StepTakenAtOpenBy = "cutoff-2025-10" }, default));

        var repeat = await world.Host.Services.GetRequiredService<OpenAlerts>().RunAsync("cutoff-2025-10", [new AlertRequest(key, null, c1, superiors)], default);
        var other = await world.Host.Services.GetRequiredService<OpenAlerts>().RunAsync("cutoff-2025-11", [new AlertRequest(key, null, c1, superiors)], default);

        Assert.Equal(1, repeat.Dispatch.Lines);
        Assert.Equal(1, (await world.DigestAsync("cutoff-2025-10", world.AssignedMember))?.Items.Count);
        Assert.Equal(1, (await world.AlertAsync(AlertRules.Overdue, world.C1, "2025-10")).StepsTaken);
        // Another run finds the alert opened before: nothing to send.
        Assert.Equal(0, other.Dispatch.Lines);
    }

    private static async Task<Unit> UnitAsync(AlertWorld world, string id) =>
        await world.Host.Services.GetRequiredService<IUnitStore>().GetAsync(id, default) ?? throw new Xunit.Sdk.XunitException($"No unit {id}");
}
