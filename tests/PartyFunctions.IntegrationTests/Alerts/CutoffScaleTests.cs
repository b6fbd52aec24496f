using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyFunctions.Deadlines;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Organisation;
using PartyFunctions.IntegrationTests.Submissions;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Submissions;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Alerts;

/// <summary>Digests, not floods: 2,000 cells, 300 not reported under 40 assigned members, one cut-off run (docs/benchmarks.md).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CutoffScaleTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Cells = 2000;
    private const int Overdue = 300;
    private const int Members = 40;

    [Fact]
    public async Task A_cutoff_with_300_overdue_cells_under_40_assigned_members_writes_40_digests_not_300_emails()
    {
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 12, 8, 17, 5, 0, TimeSpan.Zero));
        await using var host = FunctionHost.Create(
            TestSettings.For(azurite, new Dictionary<string, string?> { [StorageNamespace.PrefixSetting] = "b" + tag.ToLowerInvariant() }),
            services => services.AddSingleton<TimeProvider>(clock));
        var rows = new List<string> { $"S{tag},,province,Tỉnh ủy,2020-01-01,,,vp.s.{tag}@example.vn,," };
        rows.AddRange(Enumerable.Range(0, 20).Select(g => $"S{tag}.G{g},S{tag},grassroots,Đảng ủy {g},2020-01-01,,,vp.g{g}.{tag}@example.vn,,"));
        rows.AddRange(Enumerable.Range(0, Cells).Select(c =>
            $"S{tag}.G{c % 20}.C{c},S{tag}.G{c % 20},cell,Chi bộ {c},2020-01-01,,bt{c}.{tag}@example.vn,,Ủy viên {c % Members},uv{c % Members}.{tag}@example.vn"));
        Assert.Empty((await host.Services.GetRequiredService<ImportUnits>().RunAsync(SampleUnits.Csv([.. rows]), false, default)).Errors);
        var scores = host.Services.GetRequiredService<IScoreStore>();
        await Parallel.ForEachAsync(Enumerable.Range(Overdue, Cells - Overdue), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, ct) =>
            await scores.TryAddAsync(TableScoreStoreTests.Score($"S{tag}.G{c % 20}", $"S{tag}.G{c % 20}.C{c}", new ScorePeriod(2025, 11)), ct));

        var stopwatch = Stopwatch.StartNew();
        var outcome = await host.Services.GetRequiredService<RunCutoff>().RunAsync(default);
        stopwatch.Stop();

        var outbox = host.Services.GetRequiredService<IOutbox>();
        var digests = new List<Digest>();
        for (var m = 0; m < Members; m++)
        {
            digests.Add((await outbox.GetAsync(DigestId.For(outcome.RunId!, $"uv{m}.{tag}@example.vn"), default))!.Digest);
        }

        output.WriteLine($"cut-off: {Cells} cells, {outcome.Units} not reported, {outcome.Digests} digests in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal((Overdue, Members), (outcome.Units, outcome.Digests));
        Assert.Equal(Overdue, digests.Sum(d => d.Items.Count));
        Assert.All(digests, d => Assert.Equal(NotificationKind.Overdue, d.Items[0].Kind));
    }
}
