using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PartyFunctions.Hosting;

namespace PartyFunctions.IntegrationTests.Telemetry;

/// <summary>
/// The app's own telemetry wiring (<see cref="WorkerTelemetry.AddPartyTelemetry"/>) with one more exporter that keeps,
/// as text, everything that would leave the worker: every span with its tags and events, every log record with its
/// message, attributes and exception, every metric point with its tags.
/// </summary>
internal sealed class ExportedTelemetry
{
    private readonly ConcurrentQueue<string> spans = new();
    private readonly ConcurrentQueue<string> logs = new();
    private readonly List<MetricSnapshot> metrics = [];

    public IReadOnlyCollection<string> Spans => spans;
    public IReadOnlyCollection<string> Logs => logs;

    public void Register(IServiceCollection services) =>
        services.AddPartyTelemetry(new ConfigurationBuilder().Build())
            .WithTracing(t => t.AddProcessor(new Keep<Activity>(spans, Describe)))
            .WithLogging(l => l.AddProcessor(new Keep<LogRecord>(logs, Describe)))
            .WithMetrics(m => m.AddInMemoryExporter(metrics));

    /// <summary>Starts the providers of an instance, as the worker's host does when it starts; disposing the instance flushes them.</summary>
    public static void Start(FunctionHost instance)
    {
        instance.Services.GetRequiredService<TracerProvider>();
        instance.Services.GetRequiredService<MeterProvider>();
        instance.Services.GetRequiredService<ILoggerFactory>();
    }

    /// <summary>Everything exported by the instances started and disposed so far, as text.</summary>
    public IReadOnlyList<string> All()
    {
        var points = metrics.SelectMany(m => m.MetricPoints.Select(p => $"metric {m.Name} {Tags(p.Tags)}"));
        return [.. spans, .. logs, .. points];
    }

    public IReadOnlyList<string> MetricNames() => [.. metrics.Select(m => m.Name).Distinct()];

    private static string Describe(Activity span) =>
        $"span {span.Source.Name} {span.DisplayName} {span.Status} {span.StatusDescription} " +
        string.Join(' ', span.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " +
        string.Join(' ', span.Events.Select(e => $"{e.Name} {string.Join(' ', e.Tags.Select(t => $"{t.Key}={t.Value}"))}"));

    private static string Describe(LogRecord log) =>
        $"log {log.CategoryName} {log.LogLevel} {log.FormattedMessage} {log.Body} " +
        string.Join(' ', log.Attributes?.Select(a => $"{a.Key}={a.Value}") ?? []) + " " + log.Exception;

    private static string Tags(ReadOnlyTagCollection tags)
    {
        var pairs = new List<string>();
        foreach (var tag in tags)
        {
            pairs.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(' ', pairs);
    }

    /// <summary>Keeps each item as text when it ends: log records are pooled and reused after export.</summary>
    private sealed class Keep<T>(ConcurrentQueue<string> into, Func<T, string> describe) : BaseProcessor<T>
        where T : class
    {
        public override void OnEnd(T data) => into.Enqueue(describe(data));
    }
}
