using Microsoft.Extensions.Time.Testing;
using Moq;
using PartyFunctions.Health;
using PartyFunctions.Heartbeat;
using PartyFunctions.Notifications;
using PartyFunctions.UnitTests.Heartbeat;

namespace PartyFunctions.UnitTests.Health;

public sealed class CheckHealthTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 12, 10, 3, 0, 0, TimeSpan.Zero));
    private readonly InMemoryHeartbeatStore heartbeats = new();
    private EmailStatus email = new("sendgrid");

    [Fact]
    public async Task Healthy_when_every_storage_service_answers()
    {
        var report = await Check(new ServiceHealth("tables", true, 3), new ServiceHealth("blobs", true, 2));

        Assert.True(report.Healthy);
        Assert.Equal(HealthReport.Ok, report.Status);
        Assert.Equal(2, report.Services.Count);
        Assert.Empty(report.LateTimers);
        Assert.False(string.IsNullOrWhiteSpace(report.Version));
    }

    [Fact]
    public async Task Unhealthy_when_any_storage_service_fails_without_reading_the_heartbeats()
    {
        var report = await Check(new ServiceHealth("tables", true, 3), new ServiceHealth("queues", false, 5000, "HTTP 503"));

        Assert.False(report.Healthy);
        Assert.Equal(HealthReport.Unhealthy, report.Status);
        Assert.Equal("HTTP 503", report.Services.Single(s => s.Name == "queues").Error);
        Assert.Equal(0, heartbeats.Reads);
    }

    [Fact]
    public async Task Unhealthy_when_nothing_was_probed()
    {
        var report = await Check();

        Assert.False(report.Healthy);
    }

    [Fact]
    public async Task Degraded_with_the_late_timer_names_when_a_timer_is_late()
    {
        await heartbeats.RecordSuccessAsync("Escalation", clock.GetUtcNow().AddDays(-3), default);
        await heartbeats.RecordSuccessAsync("Reminders", clock.GetUtcNow().AddDays(-3), default);

        var report = await Check(new ServiceHealth("tables", true, 3));

        Assert.False(report.Healthy);
        Assert.Equal(HealthReport.Degraded, report.Status);
        Assert.Equal(["Escalation"], report.LateTimers);
    }

    [Fact]
    public async Task Notes_a_timer_it_never_saw_so_that_a_dead_checker_shows_later()
    {
        var first = await Check(new ServiceHealth("tables", true, 3));
        clock.Advance(TimeSpan.FromDays(3));
        var later = await Check(new ServiceHealth("tables", true, 3));

        Assert.Equal(HealthReport.Ok, first.Status);
        Assert.Equal(clock.GetUtcNow().AddDays(-3), heartbeats.Records["HeartbeatCheck"].FirstSeenAt);
        Assert.Equal(["Escalation", "HeartbeatCheck"], later.LateTimers);
    }

    [Fact]
    public async Task Says_email_is_not_configured_and_stays_healthy_while_no_key_exists()
    {
        email = new EmailStatus(EmailStatus.NotConfigured);

        var report = await Check(new ServiceHealth("tables", true, 3));

        Assert.True(report.Healthy);
        Assert.Equal("not configured", report.Email);
    }

    [Fact]
    public async Task Says_where_email_goes_once_configured_even_when_storage_fails()
    {
        var report = await Check(new ServiceHealth("tables", false, 3, "HTTP 503"));

        Assert.Equal("sendgrid", report.Email);
    }

    private Task<HealthReport> Check(params ServiceHealth[] services)
    {
        var probe = new Mock<IStorageProbe>();
        probe.Setup(p => p.ProbeAsync(It.IsAny<CancellationToken>())).ReturnsAsync(services);
        var schedules = new TimerSchedules(
        [
            new TimerSchedule("Escalation", "0 0 1 * * *"),
            new TimerSchedule("Reminders", "0 0 1 2,5 * *"),
            new TimerSchedule("HeartbeatCheck", "0 30 2 * * *"),
        ]);
        return new CheckHealth(probe.Object, new ReadTimerStatus(heartbeats, schedules, clock), email).RunAsync(CancellationToken.None);
    }
}
