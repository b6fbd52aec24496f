using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.Organisation;
using PartyFunctions.Organisation;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// The daily escalation run against Azurite: a province of <c>cells</c> units with <c>alerts</c> overdue alerts opened
/// by a cut-off (itself measured: requests per alert opened), then the escalation run eight days later, when every
/// alert's second step is due. Requests must follow the active alerts, not the units: the same alerts in a province
/// ten times larger cost the same.
/// </summary>
public static class EscalationBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        // escalation [cells per size, comma-separated] [active alerts] [added ms per request]
        var sizes = (args.Length > 1 ? args[1] : "1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var alerts = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300;
        var latency = TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        Console.WriteLine($"Escalation run with {alerts} active alerts, {latency.TotalMilliseconds:0} ms added per request");
        foreach (var cells in sizes)
        {
            var counter = new RoundTrips();
            var delay = new AddedLatency();
            var clock = new SetClock { Now = new DateTimeOffset(2025, 11, 6, 8, 0, 0, TimeSpan.FromHours(7)) };
            await using var services = BenchServices.Build(BenchServices.Connection, counter, delay, s => s.AddSingleton<TimeProvider>(clock));
            var import = await services.GetRequiredService<ImportUnits>().RunAsync(ImportScaleTests.Province(cells), false, default);
            var units = services.GetRequiredService<IUnitStore>();
            var overdue = (await units.GetAllAsync(default)).Where(u => u.Kind == UnitKind.Cell).OrderBy(u => u.Id, StringComparer.Ordinal).Take(alerts)
                .Select(u => new AlertRequest(new AlertKey(AlertRules.Overdue, u.Id, "2025-10"), null, u)).ToList();
            delay.Latency = latency;

            var open = await MeasureAsync(counter, () => services.GetRequiredService<OpenAlerts>().RunAsync("bench-cutoff-2025-10", overdue, default));
            clock.Now = clock.Now.AddDays(8);
            var escalation = await MeasureAsync(counter, () => services.GetRequiredService<RunEscalation>().RunAsync(default));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{import.Created,7:N0} units: open {overdue.Count} alerts {open.Seconds,6:F2} s {open.Requests,6:N0} requests ({open.Requests / (double)overdue.Count:F2} per alert, with superiors' reads and digests)" +
                $" | escalation {escalation.Seconds,6:F2} s {escalation.Requests,6:N0} requests, per active alert {escalation.Requests / (double)overdue.Count:F2} req {escalation.Seconds * 1000 / overdue.Count:F2} ms"));
        }

        return 0;
    }

    private static async Task<(double Seconds, long Requests)> MeasureAsync<T>(RoundTrips counter, Func<Task<T>> work)
    {
        var before = counter.Count;
        var watch = Stopwatch.StartNew();
        await work();
        return (watch.Elapsed.TotalSeconds, counter.Count - before);
    }

    /// <summary>A clock the bench moves: the escalation run is due days after the alerts opened.</summary>
    private sealed class SetClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
