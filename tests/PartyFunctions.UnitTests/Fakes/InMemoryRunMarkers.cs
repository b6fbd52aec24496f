using System.Collections.Concurrent;
using PartyFunctions.Alerts;

namespace PartyFunctions.UnitTests.Fakes;

/// <summary>Run markers in memory, insert-only as the table is: the first marker stands.</summary>
internal sealed class InMemoryRunMarkers : IRunMarkers
{
    private readonly ConcurrentDictionary<(string Job, string Key), string> markers = new();

    public IReadOnlyDictionary<(string Job, string Key), string> Markers => markers;

    public Task<bool> IsDoneAsync(string job, string key, CancellationToken cancellationToken) =>
        Task.FromResult(markers.ContainsKey((job, key)));

    public Task MarkDoneAsync(string job, string key, string summary, CancellationToken cancellationToken)
    {
        markers.TryAdd((job, key), summary);
        return Task.CompletedTask;
    }
}
