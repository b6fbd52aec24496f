using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.Alerts;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Organisation;

namespace PartyFunctions.IntegrationTests.Faults;

/// <summary>An alert written without its index rows (a fault between the two writes) is repaired by the next read of the active alerts.</summary>
[Collection(FaultsCollection.Name)]
public sealed class AlertIndexFaultTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_escalation_step_whose_index_write_failed_is_indexed_by_the_next_read_of_the_active_alerts()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        var policy = StorageFaultPolicy.For(azurite);
        await using var host = FunctionHost.Create(world.Host.Configuration, services =>
        {
            services.AddSingleton<TimeProvider>(world.Clock);
            services.AddSingleton(policy.Registration);
        });
        var store = host.Services.GetRequiredService<IAlertStore>();
        var cell = (await host.Services.GetRequiredService<IUnitStore>().GetAsync(world.C1, default))!;
        var key = new AlertKey("weak-month", world.C1, "2025-11");
        var now = world.Clock.GetUtcNow();
        var opened = await store.TryAddAsync(Alert.Open(key, cell, [new ChainStep(1, 0, false, world.Grassroots, "Lê Văn Cường", world.AssignedMember)], now), default);
        Assert.NotNull(opened);

        // The alert's own row is replaced, then the write of its active index row fails (its recipient row, written
        // beside it, may land): the work list still holds the alert as it was before the step.
        policy.Arm(1, StorageFault.ServerBusy, c => c.Service == StorageService.Table && c.Method == "PUT" && c.Path.Contains("AlertIndex", StringComparison.Ordinal) && c.Path.Contains("active", StringComparison.Ordinal));
        await Assert.ThrowsAnyAsync<Exception>(() => store.TryReplaceAsync(opened.Alert.Take(0, now), opened.ETag, default));
        policy.Disarm();
        Assert.NotNull(policy.Injected);
        Assert.Equal(0, Assert.Single(await store.GetActiveSnapshotAsync(default), a => a.Key == key).StepsTaken);

        var active = await store.GetActiveAsync(default);

        Assert.Equal(1, Assert.Single(active, a => a.Alert.Key == key).Alert.StepsTaken);
        Assert.Equal(key, Assert.Single(await store.GetOpenForRecipientAsync(world.AssignedMember, default)));
        Assert.Equal(1, Assert.Single(await store.GetActiveSnapshotAsync(default), a => a.Key == key).StepsTaken);
    }
}
