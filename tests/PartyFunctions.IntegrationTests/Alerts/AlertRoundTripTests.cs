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

        // The insert, then the index rows in an entity group transaction per partition (the active list, the recipient).
        var tableRequests = requests.Where(r => r.Service == "table").ToList();
        Assert.Equal(["$batch", "$batch", "Alerts"], tableRequests.Select(r => r.Path.Split('/')[^1].TrimEnd('(', ')')).Select(Table).Order(StringComparer.Ordinal));
        var alert = await world.AlertAsync(AlertRules.Overdue, world.C2, "2025-10");
        Assert.Equal(1, alert.StepsTaken);
        Assert.NotNull(await world.DigestAsync("cutoff-2025-10", world.AssignedMember));
    }

    [Fact]
    public async Task Alerts_opened_together_write_their_index_rows_in_one_batch_per_partition_not_two_requests_each()
    {
        var log = new StorageRequestLog(azurite);
        await using var world = await AlertWorld.CreateAsync(azurite, overrides: log.Register);
        world.At(2025, 11, 6);
        var cells = new[] { world.C1, world.C2, world.C3 };
        var units = world.Host.Services.GetRequiredService<IUnitStore>();
        var superiors = await units.GetSuperiorsAsync(world.C1, default);
        var open = world.Host.Services.GetRequiredService<OpenAlerts>();
        await open.RunAsync("warm", [new AlertRequest(new AlertKey(AlertRules.Overdue, world.C1, "2025-09"), null, await UnitAsync(world, world.C1), superiors)], default);
        var requestsOf = new List<AlertRequest>();
        foreach (var cell in cells)
        {
            requestsOf.Add(new AlertRequest(new AlertKey(AlertRules.Overdue, cell, "2025-10"), null, await UnitAsync(world, cell), superiors));
        }

        var requests = await log.DuringAsync(async () => Assert.Equal(3, (await open.RunAsync("cutoff-2025-10", requestsOf, default)).Opened));

        // Three inserts, one batch of the active rows, and one per person notified (C1's and C2's member share one; C3 has
        // no member, so its level 1 is the committee's office): 6 requests, where one alert at a time took 9.
        Assert.Equal(6, requests.Count(r => r.Service == "table"));
        var keys = cells.Select(c => new AlertKey(AlertRules.Overdue, c, "2025-10")).ToList();
        Assert.Subset((await world.Alerts.GetOpenForRecipientAsync(world.AssignedMember, default)).ToHashSet(), keys.Take(2).ToHashSet());
        Assert.Contains(keys[2], await world.Alerts.GetOpenForRecipientAsync(world.GrassrootsOffice, default));
        var active = (await world.Alerts.GetActiveAsync(default)).Select(a => a.Alert.Key).ToHashSet();
        Assert.Superset(keys.ToHashSet(), active);
        Assert.Equal(2, (await world.DigestAsync("cutoff-2025-10", world.AssignedMember))?.Items.Count);
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

    // A table's name carries the test's prefix: what is compared is which table, or a batch.
    private static string Table(string segment) => segment.StartsWith('$') ? segment : segment.Contains("Alert", StringComparison.Ordinal) && !segment.Contains("Index", StringComparison.Ordinal) ? "Alerts" : segment;

    private static async Task<Unit> UnitAsync(AlertWorld world, string id) =>
        await world.Host.Services.GetRequiredService<IUnitStore>().GetAsync(id, default) ?? throw new Xunit.Sdk.XunitException($"No unit {id}");
}
