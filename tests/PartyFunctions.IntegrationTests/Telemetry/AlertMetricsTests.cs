using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.Alerts;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Scoring;
using PartyFunctions.Telemetry;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Telemetry;

/// <summary>
/// Alerts are counted when they open, climb and resolve, once each, though the timers fire on two instances at once
/// and the score event comes twice: the totals equal what the alerts' own histories record.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AlertMetricsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly string Nov = AlertWorld.November.ToString();

    [Fact]
    public async Task Alerts_opened_escalated_and_resolved_count_once_each_under_racing_timers_and_a_repeated_event()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        world.At(2025, 11, 20);
        await world.SubmitAsync(world.C2, AlertWorld.November, Band.Good);
        await using var second = world.Host.StartAnotherInstance();
        using var metrics = new MetricRecorder(world.Host, second);

        world.At(2025, 12, 9, 0, 5);
        await BothAsync("Cutoff");
        var opened = metrics.Take();
        Assert.Equal(2, opened.Total(MetricNames.AlertsOpened, "rule=overdue"));

        var counted = new List<RecordedMetric>();
        for (var day = new DateOnly(2025, 12, 9); day <= new DateOnly(2026, 1, 2); day = day.AddDays(1))
        {
            world.At(day.Year, day.Month, day.Day);
            await BothAsync("Escalation");
            await world.RunAsync("Escalation");
            counted.AddRange(metrics.Take());
        }

        var climbs = 0;
        foreach (var cell in new[] { world.C1, world.C3 })
        {
            var alert = await world.AlertAsync(AlertRules.Overdue, cell, Nov);
            climbs += alert.History.Count(h => h.Event is AlertTransition.Notified or AlertTransition.Skipped && h.Level > 1 && h.Detail != "repeat");
        }

        output.WriteLine(string.Join('\n', counted.Totals()));
        Assert.True(climbs > 0);
        Assert.Equal(climbs, counted.Total(MetricNames.AlertsEscalated, "rule=overdue"));
        Assert.Contains(counted, m => m.Name == MetricNames.AlertsActive);

        world.At(2026, 1, 3, 7);
        var late = await world.ScoreAsync(world.C1, AlertWorld.November, Band.Fair);
        var recorded = PartyFunctions.Submissions.ScoreRecorded.Of(late, world.Clock.GetUtcNow());
        await world.SendScoreEventAsync(recorded);
        await world.SendScoreEventAsync(recorded);

        Assert.Equal(1, metrics.Take().Total(MetricNames.AlertsResolved, "rule=overdue"));

        async Task BothAsync(string timer) =>
            await Task.WhenAll(world.RunAsync(timer), second.RunTimerAsync(timer, new Microsoft.Azure.Functions.Worker.TimerInfo()));
    }
}
