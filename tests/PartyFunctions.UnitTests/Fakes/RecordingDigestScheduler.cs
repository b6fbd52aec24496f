using System.Collections.Concurrent;
using PartyFunctions.Notifications;

namespace PartyFunctions.UnitTests.Fakes;

/// <summary>The digest queue as a list of what was scheduled, and when it becomes visible.</summary>
internal sealed class RecordingDigestScheduler : IDigestScheduler
{
    private readonly ConcurrentQueue<(DigestMessage Message, TimeSpan Delay)> scheduled = new();

    public IReadOnlyList<(DigestMessage Message, TimeSpan Delay)> Scheduled => [.. scheduled];

    public Task ScheduleAsync(DigestMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        scheduled.Enqueue((message, delay));
        return Task.CompletedTask;
    }
}
