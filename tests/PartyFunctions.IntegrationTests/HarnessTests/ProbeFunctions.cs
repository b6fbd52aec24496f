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
    public Task OnMessage([QueueTrigger("probe")] ProbeMessage message, CancellationToken cancellationToken)
    {
        log.Attempts.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        if (message.Fail)
        {
            throw new InvalidOperationException($"probe {message.Id} fails on purpose");
        }

        log.Messages.Add(message);
        return Task.CompletedTask;
    }
}

public sealed record ProbeMessage(string Id, string Text, bool Fail = false);

public sealed class ProbeLog
{
    public ConcurrentBag<TimerInfo> Timers { get; } = [];
    public ConcurrentBag<ProbeMessage> Messages { get; } = [];
    public ConcurrentDictionary<string, int> Attempts { get; } = new();
}
