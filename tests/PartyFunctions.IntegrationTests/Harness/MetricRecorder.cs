using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Telemetry;

namespace PartyFunctions.IntegrationTests.Harness;

/// <summary>
/// Listens to the business metrics of the given app instances only (their meters' scope is their own
/// <see cref="IMeterFactory"/>), so that tests running at the same time in this process never count each other's.
/// </summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<RecordedMetric> recorded = new();

    public MetricRecorder(params FunctionHost[] instances)
    {
        var scopes = instances.Select(i => i.Services.GetRequiredService<IMeterFactory>()).ToHashSet();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MetricNames.Meter && instrument.Meter.Scope is IMeterFactory scope && scopes.Contains(scope))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            recorded.Enqueue(new RecordedMetric(instrument.Name, value, Tags(tags))));
        listener.Start();
    }

    /// <summary>What was measured since the last call, and forgets it.</summary>
    public IReadOnlyList<RecordedMetric> Take()
    {
        var taken = new List<RecordedMetric>();
        while (recorded.TryDequeue(out var metric))
        {
            taken.Add(metric);
        }

        return taken;
    }

    public void Dispose() => listener.Dispose();

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new List<string>();
        foreach (var (key, value) in tags)
        {
            pairs.Add($"{key}={value}");
        }

        return string.Join(',', pairs.Order(StringComparer.Ordinal));
    }
}

/// <summary>One measurement: the metric's name, its value and its tags as <c>key=value</c> pairs in order.</summary>
internal sealed record RecordedMetric(string Name, long Value, string Tags)
{
    public override string ToString() => $"{Name}{{{Tags}}} {Value}";
}

internal static class RecordedMetrics
{
    /// <summary>The sum of a metric's values, optionally only where its tags include <paramref name="tag"/> (<c>key=value</c>).</summary>
    public static long Total(this IEnumerable<RecordedMetric> metrics, string name, string? tag = null) =>
        metrics.Where(m => m.Name == name && (tag is null || m.Tags.Split(',').Contains(tag))).Sum(m => m.Value);

    /// <summary>Totals per metric and tags, for comparing two runs of the same work.</summary>
    public static IReadOnlyList<string> Totals(this IEnumerable<RecordedMetric> metrics) =>
        metrics.GroupBy(m => (m.Name, m.Tags)).Select(g => $"{g.Key.Name}{{{g.Key.Tags}}} {g.Sum(m => m.Value)}").Order(StringComparer.Ordinal).ToList();
}
