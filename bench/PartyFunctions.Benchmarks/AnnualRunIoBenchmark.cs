using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.AnnualRun;
using PartyFunctions.Classification;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;
using PartyFunctions.Infrastructure.Submissions;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Submissions;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// The annual run against real storage (Azurite): 10,000 cells × 12 months under 100 committees. Measures side by side,
/// in one process: (a) the I/O floor, a plain scan of each committee's partition; (b) the real shard worker for every
/// committee; (c) a naive design with one query per cell. Counts storage round trips with a pipeline policy.
/// Not BenchmarkDotNet: each variant is seconds of I/O, repeated a few times and reported as median.
/// </summary>
public static class AnnualRunIoBenchmark
{
    private const int CellsPerCommittee = 100;
    private static int Committees = 100;
    private static BenchProvince Province = new("B", 100, CellsPerCommittee);
    private const int Year = 2025;
    private static PortTimings? Timings;

    // The start's part of every message (path and cell count), read once before any clock starts.
    private static Func<string, int, Func<string, ShardMessage>>? Messages;

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = BenchServices.Connection;
        var repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        // Committees of 100 cells: 100 (the issue's 10,000 cells) by default; fewer for a quick look.
        Committees = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        Province = new BenchProvince("B", Committees, CellsPerCommittee, WarmUp: true);
        // Loopback Azurite answers in about a millisecond; Azure Table Storage from a Function in the same region takes
        // several. An added delay per request (ms) shows how each design scales with the round trip.
        var latency = TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        // `profile` (fifth argument): time every port call of (b) and skip (c), to see where (b)'s time goes.
        var profile = args.Length > 4 && args[4] == "profile";
        var counter = new RoundTrips();
        var delay = new AddedLatency();
        Timings = profile ? new PortTimings() : null;
        await using var services = BenchServices.Build(connection, counter, delay, Timings is null ? null : s =>
        {
            Timings.Wrap<IUnitStore>(s);
            Timings.Wrap<IScoreStore>(s);
            Timings.Wrap<IAnnualResultStore>(s);
            Timings.Wrap<IClassificationRunStore>(s);
            Timings.Wrap<IReportStore>(s);
            Timings.Wrap<IAnnualReportRenderer>(s);
            Timings.Wrap<IAlertStore>(s);
            Timings.Wrap<IOutbox>(s);
            Timings.Wrap<IDigestScheduler>(s);
        });

        Console.WriteLine($"Seeding {Committees * CellsPerCommittee:N0} cells × 12 months into Azurite ({connection.Split(';')[0]})...");
        var seed = Stopwatch.StartNew();
        await Province.SeedAsync(services);
        Console.WriteLine($"  seeded in {seed.Elapsed.TotalSeconds:F1} s");

        Messages = await StartMessages.ReadAsync(services);
        delay.Latency = latency;
        // One scan and one whole run (shard and completion) of the warm-up committee, whose scores are for the year
        // before: the JIT, the templates and the connections are then paid before (a), not inside whichever variant
        // runs first. Excluded from every figure; the measured year's results, reports and alerts are untouched.
        var warm = Stopwatch.StartNew();
        await ScanAsync(services, Province.WarmUpCommittee, Year - 1);
        await RunShardsAsync(services, $"warm-up-{Guid.NewGuid():N}", Year - 1, [Province.WarmUpCommittee]);
        Console.WriteLine($"  warm-up (committee {Province.WarmUpCommittee}, year {Year - 1}, not measured) {warm.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"Measuring with {latency.TotalMilliseconds:0} ms added per storage request...");
        var scans = new List<Measure>();
        var runs = new List<Measure>();
        var naive = new List<Measure>();
        for (var i = 0; i < repetitions; i++)
        {
            scans.Add(await MeasureAsync(counter, () => RawScanAsync(services)));
            runs.Add(await MeasureAsync(counter, () => FullRunAsync(services, i)));
            if (!profile)
            {
                naive.Add(await MeasureAsync(counter, () => NaiveAsync(services)));
            }
        }

        Report("(a) raw partition scan (I/O floor)", scans, scans);
        Report("(b) full classification run", runs, scans);
        var b = Median(runs);
        if (profile)
        {
            Console.WriteLine($"(b)/(a) = {b.Seconds / Median(scans).Seconds:F2}; (c) not run (profile)");
            return 0;
        }

        Report("(c) naive: one query per cell", naive, scans);
        var c = Median(naive);
        Console.WriteLine($"(b)/(a) = {b.Seconds / Median(scans).Seconds:F2}; (c)/(b) = {c.Seconds / b.Seconds:F1}");
        return 0;
    }

    private static async Task RawScanAsync(IServiceProvider services)
    {
        var rows = 0;
        for (var g = 0; g < Committees; g++)
        {
            rows += await ScanAsync(services, Province.Committee(g), Year);
        }

        Check(rows == Committees * CellsPerCommittee * 12, $"scan read {rows} rows");
    }

    private static async Task<int> ScanAsync(IServiceProvider services, string committee, int year)
    {
        var table = await services.GetRequiredService<ScoreTables>().ScoresAsync();
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {$"{committee}|{year}"}"), maxPerPage: 1000))
        {
            rows++;
        }

        return rows;
    }

    private static async Task FullRunAsync(IServiceProvider services, int repetition)
    {
        // Each repetition is its own run (the worker keys results by run and year; the run record by year).
        var shards = Enumerable.Range(0, Committees).Select(Province.Committee).ToList();
        var cells = await RunShardsAsync(services, $"bench-{repetition}-{Guid.NewGuid():N}", Year, shards);
        Check(cells == Committees * CellsPerCommittee, $"run classified {cells} cells");
    }

    /// <summary>A run over the given committees, one shard after the other; the last one's completion ends it.</summary>
    private static async Task<int> RunShardsAsync(IServiceProvider services, string runId, int year, List<string> shards)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var runs = services.GetRequiredService<IClassificationRunStore>();
        await runs.AddRunAsync(new ClassificationRun(runId, year, 12, "vn-2025", shards.Count, clock.GetUtcNow()), default);
        await runs.AddShardsAsync(runId, shards, default);
        var worker = services.GetRequiredService<ClassifyShard>();
        var message = Messages!(runId, year);
        var cells = 0;
        var watch = Stopwatch.StartNew();
        var start = Timings?.Snapshot();
        foreach (var shard in shards)
        {
            var before = watch.Elapsed;
            var beforeLast = Timings?.Snapshot();
            cells += await worker.RunAsync(message(shard), default);
            if (shard == shards[^1] && shards.Count > 1)
            {
                // The last shard completes the run: its time is mostly the completion's (province report, alerts, emails).
                Console.WriteLine($"  (b) shards {before.TotalSeconds:F2} s, last shard with the completion {(watch.Elapsed - before).TotalSeconds:F2} s");
                if (Timings is not null)
                {
                    PortTimings.Print("(b) shards before the last", start!, beforeLast!, shards.Count - 1, "shard");
                    PortTimings.Print("(b) last shard with the completion", beforeLast!, Timings.Snapshot(), 1, "shard");
                }
            }
        }

        return cells;
    }

    private static async Task NaiveAsync(IServiceProvider services)
    {
        var table = await services.GetRequiredService<ScoreTables>().ScoresAsync();
        var pack = PolicyCatalog.Embedded.Find("vn-2025")!;
        var classified = 0;
        for (var g = 0; g < Committees; g++)
        {
            var years = new List<CellYear>();
            for (var c = 0; c < CellsPerCommittee; c++)
            {
                var cell = Province.Cell(g, c);
                var months = new MonthReport[12];
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {$"{Province.Committee(g)}|{Year}"} and RowKey ge {cell + "|"} and RowKey lt {cell + "}"}");
                await foreach (var e in table.QueryAsync<TableEntity>(filter))
                {
                    months[int.Parse(e.RowKey[^2..], CultureInfo.InvariantCulture) - 1] =
                        new MonthReport(BandCodes.TryParse(e.GetString("Band"), out var band) ? band : null);
                }

                years.Add(new CellYear(cell, Province.Committee(g), months));
            }

            classified += Classifier.ClassifyAll(pack, years, new YearWindow(Year)).Length;
        }

        Check(classified == Committees * CellsPerCommittee, $"naive classified {classified} cells");
    }

    private static async Task<Measure> MeasureAsync(RoundTrips counter, Func<Task> work)
    {
        var before = counter.Count;
        var cpu = ProcessCpu.Read();
        var watch = Stopwatch.StartNew();
        await work();
        return new Measure(watch.Elapsed.TotalSeconds, counter.Count - before, ProcessCpu.Read() - cpu);
    }

    private static void Report(string name, List<Measure> measures, List<Measure> floor)
    {
        var median = Median(measures);
        var perThousand = median.RoundTrips * 1000.0 / (Committees * CellsPerCommittee);
        Console.WriteLine(
            $"{name,-38} median {median.Seconds,6:F2} s  ({string.Join(", ", measures.Select(m => m.Seconds.ToString("F2", CultureInfo.InvariantCulture)))})" +
            $"  round trips {median.RoundTrips,6:N0}  per 1,000 cell-years {perThousand,6:F0}  ratio to (a) {median.Seconds / Median(floor).Seconds:F2}  {median.Cpu}");
    }

    private static Measure Median(List<Measure> measures) => measures.OrderBy(m => m.Seconds).ElementAt(measures.Count / 2);

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private sealed record Measure(double Seconds, long RoundTrips, ProcessCpu Cpu);
}
