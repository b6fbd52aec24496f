using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.IntegrationTests.Organisation;
using PartyFunctions.Organisation;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// The units import (issue 4) timed against Azurite: a province file (<see cref="ImportScaleTests.Province"/>, the one
/// the integration test imports) imported into empty tables, then imported again unchanged. Reports time and storage
/// requests of each, and per unit. The test asserts what is written; this measures how long it takes.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        // import [units per size, comma-separated] [added ms per request]
        var sizes = (args.Length > 1 ? args[1] : "10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var latency = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0);
        Console.WriteLine($"Units import against {BenchServices.Connection.Split(';')[0]}, {latency.TotalMilliseconds:0} ms added per request");
        foreach (var units in sizes)
        {
            var counter = new RoundTrips();
            await using var services = BenchServices.Build(BenchServices.Connection, counter, new AddedLatency { Latency = latency });
            var import = services.GetRequiredService<ImportUnits>();
            var file = ImportScaleTests.Province(units);
            var first = await MeasureAsync(counter, () => import.RunAsync(file, deactivateMissing: false, default));
            var again = await MeasureAsync(counter, () => import.RunAsync(file, deactivateMissing: true, default));
            if (first.Report.Created != units || again.Report.Unchanged != units)
            {
                Console.WriteLine($"unexpected: created {first.Report.Created}, then unchanged {again.Report.Unchanged} of {units}");
                return 1;
            }

            Report(units, "first import", first);
            Report(units, "re-import", again);
        }

        return 0;
    }

    private static async Task<Measured> MeasureAsync(RoundTrips counter, Func<Task<UnitImportReport>> work)
    {
        var before = counter.Count;
        var watch = Stopwatch.StartNew();
        var report = await work();
        return new Measured(report, watch.Elapsed, counter.Count - before);
    }

    private static void Report(int units, string what, Measured m) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{units,7:N0} units  {what,-13} {m.Elapsed.TotalSeconds,7:F2} s  {m.Requests,7:N0} requests  per unit {m.Requests / (double)units:F3} requests, {m.Elapsed.TotalMilliseconds / units:F3} ms"));

    private sealed record Measured(UnitImportReport Report, TimeSpan Elapsed, long Requests);
}
