using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.AnnualRun;
using PartyFunctions.Infrastructure.Submissions;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// A national-shaped annual run: many small shards (grassroots committees of 6 cells, as the country's ≈52,000 have
/// about 6 each), each size in tables of its own, shards run 16 at a time as one host instance runs queue messages.
/// Reports requests and time per shard for the run (completion included) and, side by side, for the floor (a plain
/// scan of a shard's scores partition, 16 at a time, over every shard or an evenly spread thousand of them). Requests per shard must not grow with the number of shards:
/// the completion is asked only by a shard that empties its pending counter (at most 16 a run), where it was a scan of
/// the run's partition after every shard. Time per shard on Azurite grows with the table, floor and run alike, because
/// Azurite filters every query over the whole table (docs/benchmarks.md); the ratio to the floor is what must stay flat.
/// </summary>
public static class NationalRunBenchmark
{
    private const int CellsPerCommittee = 6;
    private const int Parallelism = 16;
    private const int FloorSample = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        // national [shards per size, comma-separated] [months of scores per cell] [added ms per request]
        var sizes = (args.Length > 1 ? args[1] : "1000,5000,20000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var months = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 12;
        var latency = TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        Console.WriteLine($"National-shaped run: committees of {CellsPerCommittee} cells, {months} month(s) of scores, {Parallelism} shards at a time, {latency.TotalMilliseconds:0} ms added per request");
        foreach (var shards in sizes)
        {
            var counter = new RoundTrips();
            var delay = new AddedLatency();
            await using var services = BenchServices.Build(BenchServices.Connection, counter, delay);
            var seed = Stopwatch.StartNew();
            var country = new BenchProvince("N", shards, CellsPerCommittee, months);
            await country.SeedAsync(services);
            Console.WriteLine($"{shards,7:N0} shards: seeded {shards * CellsPerCommittee:N0} cells in {seed.Elapsed.TotalSeconds:F0} s");
            delay.Latency = latency;
            // The floor's cost per shard depends on the tables' size, not on how many shards are scanned: past a thousand
            // shards it scans an evenly spread thousand of them, so the largest size takes minutes, not most of an hour.
            var sampled = Enumerable.Range(0, shards).Where(g => g % Math.Max(1, shards / FloorSample) == 0).ToList();
            var floor = await MeasureAsync(counter, () => FloorAsync(services, country, sampled));
            var messages = await StartMessages.ReadAsync(services);
            var run = await MeasureAsync(counter, () => RunAsync(services, country, messages));
            var floorShards = (double)sampled.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{shards,7:N0} shards: floor ({sampled.Count:N0} scanned) {floor.Seconds,7:F2} s {floor.Requests,8:N0} requests | run {run.Seconds,7:F2} s {run.Requests,8:N0} requests" +
                $" | per shard: floor {floor.Requests / floorShards:F2} req {floor.Seconds * 1000 / floorShards:F2} ms, run {run.Requests / (double)shards:F2} req {run.Seconds * 1000 / shards:F2} ms, run/floor time {run.Seconds / shards / (floor.Seconds / floorShards):F2}"));
            // The bench's own CPU (the app's code and the SDK) per shard does not depend on Azurite's whole-table filters.
            var azurite = run.Cpu.Azurite is { } a && floor.Cpu.Azurite is { } af
                ? string.Create(CultureInfo.InvariantCulture, $" | Azurite CPU per shard: floor {af.TotalMilliseconds / floorShards:F2} ms, run {a.TotalMilliseconds / shards:F2} ms")
                : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{shards,7:N0} shards: own CPU per shard: floor {floor.Cpu.Own.TotalMilliseconds / floorShards:F2} ms, run {run.Cpu.Own.TotalMilliseconds / shards:F2} ms{azurite}"));
        }

        return 0;
    }

    private static async Task FloorAsync(IServiceProvider services, BenchProvince country, IReadOnlyList<int> committees)
    {
        var table = await services.GetRequiredService<ScoreTables>().ScoresAsync();
        await Parallel.ForEachAsync(committees, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (g, ct) =>
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {$"{country.Committee(g)}|{country.Year}"}"), maxPerPage: 1000, cancellationToken: ct))
            {
            }
        });
    }

    private static async Task RunAsync(IServiceProvider services, BenchProvince country, Func<string, int, Func<string, ShardMessage>> messages)
    {
        var runs = services.GetRequiredService<IClassificationRunStore>();
        var runId = $"national-{Guid.NewGuid():N}";
        var ids = Enumerable.Range(0, country.Committees).Select(country.Committee).ToList();
        await runs.AddRunAsync(new ClassificationRun(runId, country.Year, country.Months, "vn-2025", country.Committees, services.GetRequiredService<TimeProvider>().GetUtcNow()), default);
        await runs.AddShardsAsync(runId, ids, default);
        var worker = services.GetRequiredService<ClassifyShard>();
        // Indexing the registry read before the clock: a few milliseconds, as in the start.
        var message = messages(runId, country.Year);
        var cells = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (id, ct) =>
            Interlocked.Add(ref cells, await worker.RunAsync(message(id), ct)));
        if (cells != country.Cells || (await runs.GetRunAsync(runId, default))?.Run.IsCompleted != true)
        {
            throw new InvalidOperationException($"run classified {cells} cells and did not complete");
        }
    }

    private static async Task<(double Seconds, long Requests, ProcessCpu Cpu)> MeasureAsync(RoundTrips counter, Func<Task> work)
    {
        var before = counter.Count;
        var cpu = ProcessCpu.Read();
        var watch = Stopwatch.StartNew();
        await work();
        return (watch.Elapsed.TotalSeconds, counter.Count - before, ProcessCpu.Read() - cpu);
    }
}
