using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Submissions;

namespace PartyFunctions.IntegrationTests.Hosting;

/// <summary>
/// <c>party serve</c>'s loop (what <c>npm start</c> runs where Core Tools cannot be installed): real HTTP on a socket,
/// the queue triggers listened to without anyone draining them by hand, the timers fired by their schedules.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalServerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serving_answers_HTTP_on_a_socket_handles_the_queued_score_event_and_runs_a_timer_when_its_schedule_comes()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        await using var front = await HttpFront.StartAsync(world.Host);
        using var log = new StringWriter();
        var synchronizedLog = TextWriter.Synchronized(log);
        // The heartbeat check is due at 02:30 UTC; the serving clock starts a minute before.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 29, 0, TimeSpan.Zero));
        using var stop = new CancellationTokenSource();
        var serving = LocalServer.RunAsync(world.Host, front, synchronizedLog, clock, stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri(front.BaseUrl) };

        var health = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
        var submitted = await http.PostAsync(new Uri("/api/scores", UriKind.Relative),
            JsonContent.Create(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code)));
        var handled = await UntilAsync(() => Logged(synchronizedLog, log, "score-events: 1 message(s) handled"), () => Task.CompletedTask);
        var ran = await UntilAsync(() => Logged(synchronizedLog, log, "HeartbeatCheck: ran at 2026-03-02 02:30:00Z"), () =>
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            return Task.CompletedTask;
        });
        await stop.CancelAsync();
        await serving;

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("application/json", health.Content.Headers.ContentType?.MediaType);
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        Assert.True(handled, "The score event was not handled:\n" + log);
        Assert.Empty(await world.EventsAsync());
        Assert.True(ran, "The heartbeat check did not run at its time:\n" + log);
        Assert.DoesNotContain("failed", log.ToString(), StringComparison.Ordinal);
    }

    private static bool Logged(TextWriter synchronizedLog, StringWriter log, string line)
    {
        synchronizedLog.Flush();
        return log.ToString().Contains(line, StringComparison.Ordinal);
    }

    private static async Task<bool> UntilAsync(Func<bool> done, Func<Task> step)
    {
        var until = DateTime.UtcNow + Patience;
        while (!done())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await step();
            await Task.Delay(100);
        }

        return true;
    }
}
