using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.AnnualRun;
using PartyFunctions.Organisation;
using PartyFunctions.Scoring;
using PartyFunctions.Storage.Submissions;
using PartyFunctions.Submissions;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// A national-shaped annual run: many small shards (grassroots committees of 6 cells, as the country's ≈52,000 have
/// about 6 each), each size in tables of its own, shards run 16 at a time as one host instance runs queue messages.
/// Reports requests and time per shard for the run (completion included) and, side by side, for the floor (a plain
/// scan of each shard's scores partition, 16 at a time). Requests per shard must not grow with the number of shards:
/// the completion is asked only by a shard that empties its pending counter (at most 16 a run), where it was a scan of
/// the run's partition after every shard. Time per shard on Azurite grows with the table, floor and run alike, because
/// Azurite filters every query over the whole table (docs/benchmarks.md); the ratio to the floor is what must stay flat.
/// </summary>
public static class NationalRunBenchmark
{
    private const int CellsPerCommittee = 6;
    private const int Year = 2025;
    private const int Parallelism = 16;

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
            await SeedAsync(services, shards, months);
            Console.WriteLine($"{shards,7:N0} shards: seeded {shards * CellsPerCommittee:N0} cells in {seed.Elapsed.TotalSeconds:F0} s");
            delay.Latency = latency;
            var floor = await MeasureAsync(counter, () => FloorAsync(services, shards));
            var run = await MeasureAsync(counter, () => RunAsync(services, shards, months));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{shards,7:N0} shards: floor {floor.Seconds,7:F2} s {floor.Requests,8:N0} requests | run {run.Seconds,7:F2} s {run.Requests,8:N0} requests" +
                $" | per shard: floor {floor.Requests / (double)shards:F2} req {floor.Seconds * 1000 / shards:F2} ms, run {run.Requests / (double)shards:F2} req {run.Seconds * 1000 / shards:F2} ms, run/floor time {run.Seconds / floor.Seconds:F2}"));
        }

        return 0;
    }

    private static string Committee(int g) => $"N.G{g:00000}";

    private static async Task SeedAsync(IServiceProvider services, int committees, int months)
    {
        var csv = new StringBuilder("id,parent,kind,name,activeFrom,activeTo,secretaryEmail,officeEmail,assignedMemberName,assignedMemberEmail\n");
        csv.Append("N,,province,Toàn quốc thử,2020-01-01,,,vp@n.vn,,\n");
        for (var g = 0; g < committees; g++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Committee(g)},N,grassroots,Đảng ủy xã {g},2020-01-01,,,vp{g}@n.vn,,\n");
            for (var c = 0; c < CellsPerCommittee; c++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{Committee(g)}.C{c},{Committee(g)},cell,Chi bộ {c},2020-01-01,,s{g}x{c}@n.vn,,,\n");
            }
        }

        var import = await services.GetRequiredService<ImportUnits>().RunAsync(Encoding.UTF8.GetBytes(csv.ToString()), false, default);
        if (!import.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", import.Errors));
        }

        // A province's spread of bands (as annual-io), so that the completion opens about as many alerts per cell.
        var store = services.GetRequiredService<IScoreStore>();
        var scores = Enumerable.Range(0, committees * CellsPerCommittee).SelectMany(i => Enumerable.Range(1, months).Select(m =>
        {
            var random = new Random((i * 13) + m);
            var band = i % 33 == 0 ? (Band)random.Next(4)
                : random.Next(100) switch { < 2 => Band.Weak, < 12 => Band.Average, < 50 => Band.Fair, _ => Band.Good };
            var committee = Committee(i / CellsPerCommittee);
            return new ScoreRecord(
                $"{committee}.C{i % CellsPerCommittee}", committee, new ScorePeriod(Year, m), "vn-2025",
                new Dictionary<string, decimal> { ["conduct"] = 20 }, new MeetingFacts(true, false, 20, 0, 19, 0, 95, false),
                50 + (int)band * 15, band, [], DateTimeOffset.UnixEpoch, false, $"R{i}-{m}", 1);
        }));
        await Parallel.ForEachAsync(scores, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (s, ct) => await store.TryAddAsync(s, ct));
    }

    private static async Task FloorAsync(IServiceProvider services, int committees)
    {
        var table = await services.GetRequiredService<ScoreTables>().ScoresAsync();
        await Parallel.ForEachAsync(Enumerable.Range(0, committees), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (g, ct) =>
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {$"{Committee(g)}|{Year}"}"), maxPerPage: 1000, cancellationToken: ct))
            {
            }
        });
    }

    private static async Task RunAsync(IServiceProvider services, int committees, int months)
    {
        var runs = services.GetRequiredService<IClassificationRunStore>();
        var runId = $"national-{Guid.NewGuid():N}";
        var ids = Enumerable.Range(0, committees).Select(Committee).ToList();
        await runs.AddRunAsync(new ClassificationRun(runId, Year, months, "vn-2025", committees, services.GetRequiredService<TimeProvider>().GetUtcNow()), default);
        await runs.AddShardsAsync(runId, ids, default);
        var worker = services.GetRequiredService<ClassifyShard>();
        var cells = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (id, ct) =>
            Interlocked.Add(ref cells, await worker.RunAsync(new ShardMessage(runId, Year, id), ct)));
        if (cells != committees * CellsPerCommittee || (await runs.GetRunAsync(runId, default))?.Run.IsCompleted != true)
        {
            throw new InvalidOperationException($"run classified {cells} cells and did not complete");
        }
    }

    private static async Task<(double Seconds, long Requests)> MeasureAsync(RoundTrips counter, Func<Task> work)
    {
        var before = counter.Count;
        var watch = Stopwatch.StartNew();
        await work();
        return (watch.Elapsed.TotalSeconds, counter.Count - before);
    }
}
