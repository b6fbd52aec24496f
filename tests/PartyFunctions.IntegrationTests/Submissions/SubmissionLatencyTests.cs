using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Organisation;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Submissions;

/// <summary>
/// The submission path in-process against Azurite (docs/benchmarks.md): 60 first submissions of 60 cells through the
/// JSON function, one at a time; prints p50/p95 (recorded in docs/benchmarks.md, not asserted: timings on a shared
/// machine are figures, not pass/fail). It asserts that every one of them is accepted.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubmissionLatencyTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Sixty_first_submissions_in_a_row_are_all_accepted()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        var cells = Enumerable.Range(1, 60).Select(i => $"{SubmissionWorld.Superior}.L{i:00}").ToList();
        await ImportUnitsFunctionTests.ImportAsync(world.Host,
            SampleUnits.Csv([.. SampleUnits.Rows, .. cells.Select(c => $"{c},{SubmissionWorld.Superior},cell,Chi bộ {c},2020-01-01,,,,,")]));
        var codes = new Dictionary<string, string>();
        await world.Host.Services.GetRequiredService<IssueAccessCodes>().RunAsync(SubmissionWorld.Superior, true, issued =>
        {
            foreach (var code in issued)
            {
                codes[code.Cell.Id] = code.Code;
            }

            return Task.CompletedTask;
        }, default);

        var times = new List<double>();
        foreach (var cell in cells)
        {
            var watch = Stopwatch.StartNew();
            var response = await world.PostJsonAsync(SubmissionWorld.Json(cell, codes[cell]));
            times.Add(watch.Elapsed.TotalMilliseconds);
            Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
        }

        times.Sort();
        double P(double q) => times[(int)Math.Ceiling(q * times.Count) - 1];
        output.WriteLine($"first submissions: n={times.Count} p50={P(0.50):0.0} ms p95={P(0.95):0.0} ms max={times[^1]:0.0} ms");
        Assert.Equal(60, times.Count);
    }
}
