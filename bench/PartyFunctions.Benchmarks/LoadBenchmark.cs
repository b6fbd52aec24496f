using System.Globalization;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Reliability;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// Issue 10's load, timed: the same <see cref="LoadScenario"/> the integration test asserts (2,000 submissions from 200
/// cells, 16 at a time, JSON and form) against a private in-memory Azurite started for the run. Reports what the test
/// does not assert: latency per request as the client waits (p50/p95/p99/max) and throughput.
/// </summary>
public static class LoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        using var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        Console.WriteLine($"{LoadScenario.Submissions:N0} submissions from {LoadScenario.Cells} cells, {LoadScenario.Concurrency} at a time, {repetitions} run(s), Azurite in memory on loopback");
        var failed = false;
        for (var i = 1; i <= repetitions; i++)
        {
            var load = await LoadScenario.RunAsync(azurite);
            var accepted = load.Accepted.Count;
            var lost = accepted != load.ArchivedBlobs || accepted != load.StoredVersions || accepted != load.ScoreEvents;
            failed |= lost || load.ServerErrors > 0 || accepted != LoadScenario.Submissions;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i}: accepted {accepted}/{load.Submissions.Count}, 5xx {load.ServerErrors}, archived {load.ArchivedBlobs}, stored versions {load.StoredVersions}, events {load.ScoreEvents}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {load.Elapsed.TotalSeconds:0.0} s, {load.Submissions.Count / load.Elapsed.TotalSeconds:0} submissions/s; p50 {load.Percentile(0.50):0.0} ms, p95 {load.Percentile(0.95):0.0} ms, p99 {load.Percentile(0.99):0.0} ms, max {load.Percentile(1):0.0} ms"));
            foreach (var channel in load.Submissions.GroupBy(s => s.Channel))
            {
                var part = load with { Submissions = [.. channel] };
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {channel.Key}: n={channel.Count()} p50 {part.Percentile(0.50):0.0} ms, p95 {part.Percentile(0.95):0.0} ms"));
            }
        }

        return failed ? 1 : 0;
    }
}
