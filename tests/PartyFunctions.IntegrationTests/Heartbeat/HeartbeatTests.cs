using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.Configuration;
using PartyFunctions.Health;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Heartbeat;

[Collection(AzuriteCollection.Name)]
public sealed class HeartbeatTests(AzuriteFixture azurite)
{
    [Fact]
    public void Every_timer_function_is_listed_with_the_schedule_its_trigger_uses()
    {
        var triggers = FunctionsMetadata.OfBuiltApp.Functions
            .Where(f => f.Trigger.Type == "timerTrigger")
            .Select(f => (f.Name, f.Trigger.Schedule!))
            .Order()
            .ToList();

        Assert.Equal(Timers.All.Order().ToList(), triggers);
    }

    [Fact]
    public async Task Each_timer_records_its_last_success_after_its_run()
    {
        await using var world = await HeartbeatWorld.CreateAsync(azurite);

        foreach (var (timer, _) in Timers.All)
        {
            world.Clock.Advance(TimeSpan.FromMinutes(1));
            await world.RunAsync(timer);

            Assert.Equal(world.Clock.GetUtcNow(), (await world.HeartbeatOf(timer))?.LastSuccessAt);
        }
    }

    [Fact]
    public async Task A_timer_that_throws_records_no_heartbeat()
    {
        await using var world = await HeartbeatWorld.CreateAsync(azurite, services => services.AddSingleton<IRunMarkers>(new FailingRunMarkers()));

        await Assert.ThrowsAsync<TimeoutException>(() => world.RunAsync(Timers.Cutoff));
        await Assert.ThrowsAsync<TimeoutException>(() => world.RunAsync(Timers.Escalation));

        Assert.Null((await world.HeartbeatOf(Timers.Cutoff))?.LastSuccessAt);
        Assert.Null((await world.HeartbeatOf(Timers.Escalation))?.LastSuccessAt);
    }

    [Fact]
    public async Task A_late_timer_alerts_the_administrators_once_a_day_however_often_the_check_runs()
    {
        await using var world = await HeartbeatWorld.CreateAsync(azurite);
        foreach (var (timer, _) in Timers.All)
        {
            await world.RunAsync(timer);
        }

        // The escalation dies; the daily check goes on. Due 11 January 01:00, late from 12 January 01:00.
        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.CheckAndDeliverAsync();
        Assert.Empty(world.AdminEmails);

        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.CheckAndDeliverAsync();
        world.Clock.Advance(TimeSpan.FromHours(3));
        await world.CheckAndDeliverAsync();
        var first = Assert.Single(world.AdminEmails);
        Assert.Contains("Escalation", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("HeartbeatCheck", first.Text, StringComparison.Ordinal);
        Assert.Contains("Cần kiểm tra", first.Subject, StringComparison.Ordinal);

        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.CheckAndDeliverAsync();
        Assert.Equal(2, world.AdminEmails.Count);
        Assert.Equal(2, world.AdminEmails.Select(e => e.CustomArgs["digestId"]).Distinct().Count());
        Assert.Equal(world.Clock.GetUtcNow(), (await world.HeartbeatOf(Timers.HeartbeatCheck))?.LastSuccessAt);
    }

    [Fact]
    public async Task A_timer_that_never_ran_alerts_once_its_first_run_since_the_check_noticed_it_is_a_day_behind()
    {
        await using var world = await HeartbeatWorld.CreateAsync(azurite);
        var noticed = world.Clock.GetUtcNow();

        await world.CheckAndDeliverAsync();
        Assert.Equal(noticed, (await world.HeartbeatOf(Timers.Escalation))?.FirstSeenAt);
        // A day after the notice the escalation's first run (11 January 01:00) is late by less than a day.
        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.CheckAndDeliverAsync();
        Assert.Empty(world.AdminEmails);

        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.CheckAndDeliverAsync();

        var alert = Assert.Single(world.AdminEmails);
        Assert.Contains("Escalation", alert.Text, StringComparison.Ordinal);
        // Monthly and annual timers that never ran are not due yet.
        Assert.DoesNotContain("Cutoff", alert.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("AnnualClassification", alert.Text, StringComparison.Ordinal);
        Assert.Equal(noticed, (await world.HeartbeatOf(Timers.Escalation))?.FirstSeenAt);
    }

    [Fact]
    public async Task Health_answers_503_degraded_with_the_late_timer_names_and_no_secrets()
    {
        await using var world = await HeartbeatWorld.CreateAsync(azurite);
        foreach (var (timer, _) in Timers.All)
        {
            await world.RunAsync(timer);
        }

        var fresh = await world.Host.SendAsync(HttpMethod.Get, "/api/health");
        // The checker dies with the escalation: nothing emails, but health shows both.
        world.Clock.Advance(TimeSpan.FromDays(3));
        var response = await world.Host.SendAsync(HttpMethod.Get, "/api/health");

        Assert.True(fresh.Status == HttpStatusCode.OK, fresh.ToString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
        var report = response.Json<HealthReport>();
        Assert.Equal(HealthReport.Degraded, report.Status);
        Assert.Equal(["Escalation", "HeartbeatCheck"], report.LateTimers.Order());
        Assert.All(report.Services, s => Assert.True(s.Healthy, s.Name));
        Assert.DoesNotContain("AccountKey", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(world.AdminMailbox, response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("0 0 1 * * *", response.Body, StringComparison.Ordinal);
    }

    private sealed class FailingRunMarkers : IRunMarkers
    {
        public Task<bool> IsDoneAsync(string job, string key, CancellationToken cancellationToken) => throw new TimeoutException("injected");

        public Task MarkDoneAsync(string job, string key, string summary, CancellationToken cancellationToken) => throw new TimeoutException("injected");
    }
}
