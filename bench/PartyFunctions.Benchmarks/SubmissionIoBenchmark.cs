using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartyFunctions.Access;
using PartyFunctions.Organisation;
using PartyFunctions.Infrastructure.Access;
using PartyFunctions.Infrastructure.Organisation;
using PartyFunctions.Submissions;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// The monthly submission path against real storage (Azurite), in process: the SubmitScore use case as
/// AddPartyFunctions builds it, fed JSON as the API receives it. Per cell: a first submission, an amendment (new
/// receipt) and a replay of that amendment; latency (p50/p95) and storage round trips (counted by a pipeline policy)
/// for three ways of signing in, interleaved so they share the machine's load:
/// <list type="bullet">
/// <item>copy: the unit's copy comes with the code and the attempts in one partition query (the design in use);</item>
/// <item>old: the query plus a concurrent point read of the unit in <c>Units</c> (the design before the copies);</item>
/// <item>fallback: no copy (a unit saved before the copies existed), so the unit is read after the query.</item>
/// </list>
/// Arguments: <c>submit [cells per variant, 100] [ms added per storage request, 0] [PBKDF2 iterations, 100000]</c>.
/// </summary>
public static class SubmissionIoBenchmark
{
    private const string Committee = "S.G";
    private static readonly string[] Variants = ["copy", "old", "fallback"];
    private static readonly string[] Operations = ["first", "amendment", "replay"];

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? "UseDevelopmentStorage=true";
        var cells = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        // As in annual-io: loopback Azurite answers in about a millisecond, Azure from a Function in the same region in
        // several; an added delay per request (ms) shows what the sequential waits cost there.
        var latency = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0);
        // The PBKDF2 check of the code (100,000 iterations in production) is CPU that hides the storage waits; fewer
        // iterations (e.g. 1) show the storage path alone.
        var iterations = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : AccessCodeHash.DefaultIterations;
        var prefix = "b" + Guid.NewGuid().ToString("N")[..10];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageClients.ConnectionName] = connection,
            [StorageNamespace.PrefixSetting] = prefix,
        }).Build();
        var counter = new RoundTrips();
        var delay = new AddedLatency();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddPartyFunctions(configuration)
            .AddSingleton(new StoragePipelinePolicy(counter, HttpPipelinePosition.PerRetry))
            .AddSingleton(new StoragePipelinePolicy(delay, HttpPipelinePosition.PerRetry))
            .AddSingleton(sp => new SwitchableSignIn(new TableAccessCodeStore(sp.GetRequiredService<OrganisationTables>()), sp.GetRequiredService<IUnitStore>()))
            .AddSingleton<IAccessCodeStore>(sp => sp.GetRequiredService<SwitchableSignIn>())
            .BuildServiceProvider();

        Console.WriteLine($"Seeding {Variants.Length} × {cells} cells (+ warm-up) into Azurite and issuing their codes ({iterations:N0} PBKDF2 iterations)...");
        var codes = await SeedAsync(services, cells, iterations);
        var submit = services.GetRequiredService<SubmitScore>();
        var signIn = services.GetRequiredService<SwitchableSignIn>();
        // The current month (Vietnam time): in force, not in the future, and open for amendments until its cut-off.
        var period = ScorePeriod.Of(VietnamDate.Today(TimeProvider.System)).ToString();

        // Creates the scores table and the archive container, outside the measurement.
        foreach (var variant in Variants)
        {
            signIn.Mode = variant;
            await SubmitAsync(submit, Cell(variant, -1), codes, period, ReceiptId.New(), 22, SubmissionStatus.Recorded);
        }

        delay.Latency = latency;
        Console.WriteLine($"Measuring {cells} cells per variant, {latency.TotalMilliseconds:0} ms added per storage request...");
        var samples = Variants.SelectMany(v => Operations.Select(o => (v, o))).ToDictionary(k => k, _ => new List<Sample>());
        for (var i = 0; i < cells; i++)
        {
            foreach (var variant in Variants)
            {
                signIn.Mode = variant;
                var cell = Cell(variant, i);
                var receipt = ReceiptId.New();
                samples[(variant, "first")].Add(await MeasureAsync(counter, () => SubmitAsync(submit, cell, codes, period, ReceiptId.New(), 22, SubmissionStatus.Recorded)));
                samples[(variant, "amendment")].Add(await MeasureAsync(counter, () => SubmitAsync(submit, cell, codes, period, receipt, 20, SubmissionStatus.Recorded)));
                samples[(variant, "replay")].Add(await MeasureAsync(counter, () => SubmitAsync(submit, cell, codes, period, receipt, 20, SubmissionStatus.Replayed)));
            }
        }

        Console.WriteLine($"{"variant",-9} {"operation",-10} {"n",5} {"p50 ms",8} {"p95 ms",8} {"round trips",12}");
        foreach (var ((variant, operation), list) in samples)
        {
            var ms = list.Select(s => s.Milliseconds).Order().ToList();
            var trips = list.Select(s => s.RoundTrips).Distinct().Order().ToList();
            Console.WriteLine(
                $"{variant,-9} {operation,-10} {list.Count,5} {Percentile(ms, 0.50),8:F1} {Percentile(ms, 0.95),8:F1} {string.Join("/", trips),12}");
        }

        var copy = Percentile(samples[("copy", "first")].Select(s => s.Milliseconds).Order().ToList(), 0.50);
        var old = Percentile(samples[("old", "first")].Select(s => s.Milliseconds).Order().ToList(), 0.50);
        var fallback = Percentile(samples[("fallback", "first")].Select(s => s.Milliseconds).Order().ToList(), 0.50);
        Console.WriteLine($"first submission p50: old/copy = {old / copy:F2}, fallback/copy = {fallback / copy:F2}; " +
            $"PBKDF2 check alone (in each sign-in): {PbkdfMilliseconds(iterations):F1} ms");
        return 0;
    }

    private static string Cell(string variant, int i) => i < 0 ? $"{Committee}.W{char.ToUpperInvariant(variant[0])}" : $"{Committee}.{char.ToUpperInvariant(variant[0])}{i:0000}";

    private static async Task<Dictionary<string, string>> SeedAsync(IServiceProvider services, int cells, int iterations)
    {
        var csv = new StringBuilder("id,parent,kind,name,activeFrom,activeTo,secretaryEmail,officeEmail,assignedMemberName,assignedMemberEmail\n");
        csv.Append("S,,province,Tỉnh ủy Thử,2020-01-01,,,vp@s.vn,,\n");
        csv.Append(CultureInfo.InvariantCulture, $"{Committee},S,grassroots,Đảng ủy xã Thử,2020-01-01,,,vp@g.s.vn,,\n");
        foreach (var id in Variants.SelectMany(v => Enumerable.Range(-1, cells + 1).Select(i => Cell(v, i))))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{id},{Committee},cell,Chi bộ {id},2020-01-01,,,,,\n");
        }

        var import = await services.GetRequiredService<ImportUnits>().RunAsync(Encoding.UTF8.GetBytes(csv.ToString()), false, default);
        if (!import.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", import.Errors));
        }

        // As IssueAccessCodes stores them, with the iteration count asked for.
        var codes = Variants.SelectMany(v => Enumerable.Range(-1, cells + 1).Select(i => Cell(v, i))).ToDictionary(id => id, _ => AccessCode.New(), StringComparer.Ordinal);
        var hashes = codes.AsParallel().Select(c => (c.Key, AccessCodeHash.Create(c.Value, DateTimeOffset.UtcNow, iterations))).ToList();
        await services.GetRequiredService<IAccessCodeStore>().SaveCodesAsync(hashes, default);
        return codes;
    }

    private static async Task SubmitAsync(
        SubmitScore submit, string cell, Dictionary<string, string> codes, string period, string receipt, decimal conduct, SubmissionStatus expected)
    {
        var json = JsonSerializer.Serialize(new
        {
            unitId = cell, accessCode = codes[cell], receiptId = receipt, period,
            criteria = new Dictionary<string, decimal>
            {
                ["preparation"] = 15, ["attendance"] = 15, ["duration"] = 5, ["conduct"] = conduct, ["principles"] = 5, ["results"] = 23, ["closing"] = 10,
            },
            facts = new { held = true, combined = false, membersTotal = 20, membersExempt = 2, membersPresent = 17, unexcusedAbsent = 0, durationMinutes = 95, memberDisciplined = false },
        });
        var outcome = await submit.RunAsync(JsonSubmission.Parse(json, "bench"), default);
        if (outcome.Status != expected)
        {
            throw new InvalidOperationException($"{cell}: {outcome.Status}, expected {expected}: {string.Join("; ", outcome.Errors.Select(e => e.En))}");
        }
    }

    private static async Task<Sample> MeasureAsync(RoundTrips counter, Func<Task> work)
    {
        var before = counter.Count;
        var watch = Stopwatch.StartNew();
        await work();
        return new Sample(watch.Elapsed.TotalMilliseconds, counter.Count - before);
    }

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static double PbkdfMilliseconds(int iterations)
    {
        var hash = AccessCodeHash.Create(AccessCode.New(), DateTimeOffset.UnixEpoch, iterations);
        var times = Enumerable.Range(0, 21).Select(run =>
        {
            var watch = Stopwatch.StartNew();
            _ = hash.Matches("ABCDEFGHJKMN");
            return watch.Elapsed.TotalMilliseconds;
        }).Order().ToList();
        return times[times.Count / 2];
    }

    private sealed record Sample(double Milliseconds, long RoundTrips);

    /// <summary>The real access-code store, its answer reshaped to read the unit as each variant does.</summary>
    private sealed class SwitchableSignIn(TableAccessCodeStore inner, IUnitStore units) : IAccessCodeStore
    {
        public string Mode { get; set; } = "copy";

        public async Task<CellCredentials> GetCredentialsAsync(string unitId, CancellationToken cancellationToken)
        {
            switch (Mode)
            {
                case "old":
                    // As before the copies: the query and the point read in flight together, the unit from Units.
                    var credentials = inner.GetCredentialsAsync(unitId, cancellationToken);
                    var unit = units.GetAsync(unitId, cancellationToken);
                    return (await credentials) with { Unit = await unit };
                case "fallback":
                    return (await inner.GetCredentialsAsync(unitId, cancellationToken)) with { Unit = null };
                default:
                    return await inner.GetCredentialsAsync(unitId, cancellationToken);
            }
        }

        public Task SaveCodesAsync(IReadOnlyCollection<(string UnitId, AccessCodeHash Hash)> codes, CancellationToken cancellationToken) =>
            inner.SaveCodesAsync(codes, cancellationToken);

        public Task<(FailedAttempts Attempts, string? Version)> GetAttemptsAsync(string unitId, CancellationToken cancellationToken) =>
            inner.GetAttemptsAsync(unitId, cancellationToken);

        public Task<bool> TrySaveAttemptsAsync(string unitId, FailedAttempts attempts, string? version, CancellationToken cancellationToken) =>
            inner.TrySaveAttemptsAsync(unitId, attempts, version, cancellationToken);
    }
}
