using Microsoft.Azure.Functions.Worker;

namespace PartyFunctions.LocalRunner;

/// <summary>
/// The app on one machine without Core Tools, as <c>func start</c> runs it: HTTP through <see cref="HttpFront"/>, every
/// queue trigger listened to with the host's batch rules (<see cref="QueueListener"/>), every timer on its schedule in
/// UTC. A function that throws is logged and the rest go on, as the host does. Ends when cancelled.
/// </summary>
public static class LocalServer
{
    // How long an empty queue waits before it is asked again (the host backs off towards maxPollingInterval, 1 minute
    // by default; a person trying the app locally wants the email a moment after pressing the button).
    private static readonly TimeSpan QueuePoll = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(FunctionHost host, HttpFront front, TextWriter log, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(front);
        ArgumentNullException.ThrowIfNull(log);
        await log.WriteLineAsync($"HTTP on {front.BaseUrl}/api/...; queues {string.Join(", ", host.TriggerQueues)}; timers "
            + string.Join(", ", host.TimerSchedules.Select(t => $"{t.Timer} ({t.Expression})")));
        var work = host.TriggerQueues.Select(queue => ListenAsync(host, queue, log, cancellationToken))
            .Concat(host.TimerSchedules.Select(timer => ScheduleAsync(host, timer, log, clock, cancellationToken)));
        try
        {
            await Task.WhenAll(work);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: what runs was cancelled; a message taken and not finished comes back when its visibility ends.
        }
    }

    private static async Task ListenAsync(FunctionHost host, string queue, TextWriter log, CancellationToken cancellationToken)
    {
        var failuresSeen = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var done = await host.DrainQueueAsync(queue, cancellationToken);
            if (done > 0)
            {
                await log.WriteLineAsync($"{queue}: {done} message(s) handled");
            }

            foreach (var failure in host.QueueFailures.Skip(failuresSeen))
            {
                await log.WriteLineAsync($"{queue}: a message failed and will be retried: {failure.Message}");
            }

            failuresSeen = host.QueueFailures.Count;
            await Task.Delay(QueuePoll, cancellationToken);
        }
    }

    private static async Task ScheduleAsync(FunctionHost host, Heartbeat.TimerSchedule timer, TextWriter log, TimeProvider clock, CancellationToken cancellationToken)
    {
        var last = clock.GetUtcNow();
        while (timer.NextAfter(last) is { } next)
        {
            // A day at a time: Task.Delay takes at most about 49 days, and the annual run is due once a year.
            while (next > clock.GetUtcNow())
            {
                var wait = next - clock.GetUtcNow();
                await Task.Delay(wait < TimeSpan.FromDays(1) ? wait : TimeSpan.FromDays(1), clock, cancellationToken);
            }

            try
            {
                await host.RunTimerAsync(timer.Timer, new TimerInfo
                {
                    ScheduleStatus = new ScheduleStatus { Last = last.UtcDateTime, Next = timer.NextAfter(next)?.UtcDateTime ?? default, LastUpdated = next.UtcDateTime },
                }, cancellationToken);
                await log.WriteLineAsync($"{timer.Timer}: ran at {next:u}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await log.WriteLineAsync($"{timer.Timer}: failed at {next:u}: {ex.Message}");
            }

            last = next;
        }

        await log.WriteLineAsync($"{timer.Timer}: its schedule \"{timer.Expression}\" cannot be read; it will not run");
    }
}
