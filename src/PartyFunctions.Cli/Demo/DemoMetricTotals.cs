using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using PartyFunctions.Telemetry;

namespace PartyFunctions.Cli.Demo;

/// <summary>
/// The app's business counters summed over every instance of the demo, as an exporter would sum them across a
/// scaled-out app (docs/operations.md lists them): what the administrators' workbook would show for the year played.
/// </summary>
public sealed class DemoMetricTotals : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> totals = new(StringComparer.Ordinal);

    /// <summary>Counts the meters of these instances only (each app instance has its own meter factory), not any other app in the process.</summary>
    public DemoMetricTotals(IEnumerable<IMeterFactory> instances)
    {
        var scopes = instances.ToHashSet();
        listener.InstrumentPublished = (instrument, subscriber) =>
        {
            if (instrument.Meter.Name == MetricNames.Meter && instrument.Meter.Scope is IMeterFactory scope && scopes.Contains(scope) && instrument is Counter<long>)
            {
                subscriber.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();
    }

    public long this[string metric] => totals.GetValueOrDefault(metric);

    public async Task WriteAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("metrics (every instance):");
        foreach (var name in MetricNames.All.Where(totals.ContainsKey))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {name,-36} {totals[name],8:N0}"));
        }
    }

    public void Dispose() => listener.Dispose();
}
