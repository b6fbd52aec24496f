using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyFunctions.Configuration;
using PartyFunctions.Heartbeat;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Notifications;

namespace PartyFunctions.IntegrationTests.Heartbeat;

/// <summary>
/// One test's app on the shared Azurite: its own tables (so its own Heartbeats), an empty organisation, the deployed
/// default schedules, a fake clock, its own administrators' mailbox and a transport that records every email.
/// </summary>
internal sealed class HeartbeatWorld : IAsyncDisposable
{
    private HeartbeatWorld(FunctionHost host, FakeTimeProvider clock, RecordingMailTransport mail, string adminMailbox)
    {
        Host = host;
        Clock = clock;
        Mail = mail;
        AdminMailbox = adminMailbox;
    }

    public FunctionHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public RecordingMailTransport Mail { get; }
    public string AdminMailbox { get; }
    public IHeartbeatStore Heartbeats => Host.Services.GetRequiredService<IHeartbeatStore>();

    public IReadOnlyList<EmailMessage> AdminEmails =>
        Mail.Sent.Where(m => string.Equals(m.To.Email, AdminMailbox, StringComparison.Ordinal)).ToList();

    /// <summary>Starts at 10 January 2026, 02:30 UTC: no reminder, cut-off or classification is due for weeks.</summary>
    public static async Task<HeartbeatWorld> CreateAsync(AzuriteFixture azurite, Action<IServiceCollection>? overrides = null)
    {
        var tag = Twins.Hex(10, "tag");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 10, 2, 30, 0, TimeSpan.Zero));
        var mail = new RecordingMailTransport();
        var admin = $"quantri.{tag}@tinhuy.example.vn";
        var host = FunctionHost.Create(
            TestSettings.For(azurite, new Dictionary<string, string?>
            {
                [StorageNamespace.PrefixSetting] = "h" + tag,
                [AppSettings.EmailAdminMailbox] = admin,
                [AppSettings.RemindersSchedule] = "0 0 1 2,5 * *",
                [AppSettings.CutoffSchedule] = "0 5 17 8 * *",
                [AppSettings.EscalationSchedule] = "0 0 1 * * *",
                [AppSettings.AnnualClassificationSchedule] = "0 0 19 14 12 *",
            }),
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<IMailTransport>(mail);
                overrides?.Invoke(services);
            });
        var world = new HeartbeatWorld(host, clock, mail, admin);
        await world.Host.Services.GetRequiredService<StorageClients>().Queues.GetQueueClient(StorageNames.DigestsQueue).CreateIfNotExistsAsync();
        return world;
    }

    public Task RunAsync(string timer) => Host.RunTimerAsync(timer, new TimerInfo());

    /// <summary>Runs the check, then delivers what it queued as the digests function would.</summary>
    public async Task CheckAndDeliverAsync()
    {
        await RunAsync(Timers.HeartbeatCheck);
        await Host.DrainQueueAsync(StorageNames.DigestsQueue);
    }

    public async Task<HeartbeatRecord?> HeartbeatOf(string timer) =>
        (await Heartbeats.GetAllAsync(default)).SingleOrDefault(r => r.Timer == timer);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
