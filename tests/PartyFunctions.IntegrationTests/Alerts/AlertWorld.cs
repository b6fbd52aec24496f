using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyFunctions.Alerts;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Organisation;
using PartyFunctions.IntegrationTests.Submissions;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Alerts;

/// <summary>
/// One test's organisation on the shared Azurite, with its own tables and a fake clock: province → district → grassroots
/// → cells active from October 2025: C1 (assigned member), C2 (same assigned member), C3 (no assigned member). Ids and addresses carry a random
/// tag, so digests (the digest queue is shared) and run markers never meet another test's.
/// </summary>
internal sealed class AlertWorld : IAsyncDisposable
{
    public static readonly ScorePeriod November = new(2025, 11);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private AlertWorld(FunctionHost host, FakeTimeProvider clock, string tag)
    {
        Host = host;
        Clock = clock;
        Tag = tag;
    }

    public FunctionHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public string Tag { get; }
    public string Province => $"P{Tag}";
    public string District => $"P{Tag}.D";
    public string Grassroots => $"P{Tag}.D.G";
    public string C1 => $"P{Tag}.D.G.C1";
    public string C2 => $"P{Tag}.D.G.C2";
    public string C3 => $"P{Tag}.D.G.C3";
    public string AssignedMember => $"am.{Tag}@example.vn";
    public string GrassrootsOffice => $"vp.g.{Tag}@example.vn";
    public string DistrictOffice => $"vp.d.{Tag}@example.vn";
    public string Secretary(string cell) => $"bt.{cell.Split('.')[^1].ToLowerInvariant()}.{Tag}@example.vn";

    public IAlertStore Alerts => Host.Services.GetRequiredService<IAlertStore>();
    public IOutbox Outbox => Host.Services.GetRequiredService<IOutbox>();
    public AlertLinks Links => Host.Services.GetRequiredService<AlertLinks>();

    public static async Task<AlertWorld> CreateAsync(AzuriteFixture azurite, string? extraCellName = null, Action<IServiceCollection>? overrides = null)
    {
        var tag = Twins.Hex(8, "tag").ToUpperInvariant();
        // Tests move the clock forward only (FakeTimeProvider refuses to go back), from before any month they use.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero));
        var host = FunctionHost.Create(
            TestSettings.For(azurite, new Dictionary<string, string?>
            {
                [StorageNamespace.PrefixSetting] = "a" + tag.ToLowerInvariant(),
                [AppSettings.LinksBaseUrl] = "https://party.example.vn",
            }),
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                overrides?.Invoke(services);
            });
        var world = new AlertWorld(host, clock, tag);
        var rows = new[]
        {
            $"{world.Province},,province,Tỉnh ủy thử,2020-01-01,,,vp.p.{tag}@example.vn,,",
            $"{world.District},{world.Province},district,Huyện ủy thử,2020-01-01,,,{world.DistrictOffice},,",
            $"{world.Grassroots},{world.District},grassroots,Đảng ủy xã thử,2020-01-01,,,{world.GrassrootsOffice},,",
            $"{world.C1},{world.Grassroots},cell,{extraCellName ?? "Chi bộ thôn Một"},2025-10-01,,{world.Secretary(world.C1)},,Lê Văn Cường,{world.AssignedMember}",
            $"{world.C2},{world.Grassroots},cell,Chi bộ thôn Hai,2025-10-01,,{world.Secretary(world.C2)},,Lê Văn Cường,{world.AssignedMember}",
            $"{world.C3},{world.Grassroots},cell,Chi bộ thôn Ba,2025-10-01,,{world.Secretary(world.C3)},,,",
        };
        var report = await host.Services.GetRequiredService<ImportUnits>().RunAsync(SampleUnits.Csv(rows), false, default);
        Assert.Empty(report.Errors);
        return world;
    }

    /// <summary>Sets the clock to a Vietnam local time (UTC+7).</summary>
    public void At(int year, int month, int day, int hour = 8, int minute = 0) =>
        Clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, VietnamDate.Offset));

    public async Task<ScoreRecord> ScoreAsync(string cell, ScorePeriod period, Band band)
    {
        var score = TableScoreStoreTests.Score(Grassroots, cell, period) with
        {
            Band = band,
            ReceiptId = $"R-{cell}-{period}-{Twins.Hex(32, $"receipt {cell} {period}")}",
            SubmittedAt = Clock.GetUtcNow(),
            Late = ReportingCalendar.IsLate(period, Clock.GetUtcNow()),
        };
        Assert.True((await Host.Services.GetRequiredService<IScoreStore>().TryAddAsync(score, default)).Written);
        return score;
    }

    /// <summary>Writes a score and delivers its ScoreRecorded message, as the submission functions (issue 5) do.</summary>
    public async Task SubmitAsync(string cell, ScorePeriod period, Band band)
    {
        var score = await ScoreAsync(cell, period, band);
        await SendScoreEventAsync(ScoreRecorded.Of(score, Clock.GetUtcNow()));
    }

    public async Task SendScoreEventAsync(ScoreRecorded recorded)
    {
        var queue = Host.Services.GetRequiredService<StorageClients>().Queues.GetQueueClient(StorageNames.ScoreEventsQueue);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(JsonSerializer.Serialize(recorded, Json));
        await Host.DrainQueueAsync(StorageNames.ScoreEventsQueue);
        Assert.Empty(Host.QueueFailures);
    }

    public Task RunAsync(string timer, bool pastDue = false) =>
        Host.RunTimerAsync(timer, new Microsoft.Azure.Functions.Worker.TimerInfo { IsPastDue = pastDue });

    public async Task<Digest?> DigestAsync(string runId, string email) => (await Outbox.GetAsync(DigestId.For(runId, email), default))?.Digest;

    public async Task<Alert> AlertAsync(string rule, string unit, string period) =>
        (await Alerts.GetAsync(new AlertKey(rule, unit, period), default))?.Alert ?? throw new Xunit.Sdk.XunitException($"No alert {rule} {unit} {period}");

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
