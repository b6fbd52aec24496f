using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;

namespace PartyFunctions.IntegrationTests.HarnessTests;

/// <summary>Functions that only record what the harness delivered to them, to prove its timer and queue binding.</summary>
public sealed class ProbeFunctions(ProbeLog log)
{
    [Function(nameof(OnTimer))]
    public Task OnTimer([TimerTrigger("%Probe:Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        log.Timers.Add(timer);
        return Task.CompletedTask;
    }

    [Function(nameof(OnMessage))]
    public async Task OnMessage([QueueTrigger("probe")] ProbeMessage message, CancellationToken cancellationToken)
    {
        using var running = log.Running();
        log.Attempts.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        if (message.HoldMilliseconds > 0)
        {
            await Task.Delay(message.HoldMilliseconds, cancellationToken);
        }

        if (message.Fail)
        {
            throw new InvalidOperationException($"probe {message.Id} fails on purpose");
        }

        log.Messages.Add(message);
    }

    [Function(nameof(OnPost))]
    public ProbeOutputs OnPost([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "probe/{id}")] HttpRequest request, string id) =>
        new() { Response = new AcceptedResult(), Message = id == "none" ? null : new ProbeMessage(id, "from http") };
}

/// <summary>A multi-output: the HTTP answer plus a queue message, as the worker's [HttpResult] + [QueueOutput] pattern.</summary>
public sealed class ProbeOutputs
{
    [HttpResult]
    public required IActionResult Response { get; init; }

    [QueueOutput("probe-out")]
    public ProbeMessage? Message { get; init; }
}

public sealed record ProbeMessage(string Id, string Text, bool Fail = false, int HoldMilliseconds = 0);

/// <summary>What the probes saw, shared by every instance of a test's app; it counts the invocations running at once.</summary>
public sealed class ProbeLog
{
    private int running;
    private int mostAtOnce;

    public ConcurrentBag<TimerInfo> Timers { get; } = [];
    public ConcurrentBag<ProbeMessage> Messages { get; } = [];
    public ConcurrentDictionary<string, int> Attempts { get; } = new();
    public int MostAtOnce => Volatile.Read(ref mostAtOnce);

    public IDisposable Running()
    {
        var now = Interlocked.Increment(ref running);
        int seen;
        while (now > (seen = Volatile.Read(ref mostAtOnce)) && Interlocked.CompareExchange(ref mostAtOnce, now, seen) != seen)
        {
        }

        return new Finished(() => Interlocked.Decrement(ref running));
    }

    private sealed class Finished(Action finish) : IDisposable
    {
        public void Dispose() => finish();
    }
}
