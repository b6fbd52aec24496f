using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Notifications;
using PartyFunctions.Infrastructure.Notifications;
using SendGrid;
using WireMock.Server;

namespace PartyFunctions.IntegrationTests.Notifications;

/// <summary>
/// The email pipeline as deployed: the app's real services over Azurite, and the real SendGrid client talking
/// HTTP to a WireMock stub of api.sendgrid.com on a free port. Queues start empty for each test.
/// </summary>
internal sealed class EmailPipeline : IAsyncDisposable
{
    public const string AdminMailbox = "quantri@tinhuy.example.vn";

    private EmailPipeline(FunctionHost host, WireMockServer sendGrid)
    {
        Host = host;
        SendGrid = sendGrid;
    }

    public FunctionHost Host { get; }
    public WireMockServer SendGrid { get; }
    public IOutbox Outbox => Host.Services.GetRequiredService<IOutbox>();
    public IDigestScheduler Scheduler => Host.Services.GetRequiredService<IDigestScheduler>();
    public QueueClient Digests => Queue(StorageNames.DigestsQueue);
    public QueueClient Poison => Queue(StorageNames.DigestsPoisonQueue);

    /// <summary>
    /// Starts the app with <paramref name="sendGridKey"/> as the key setting (null: none, as in Azure before an
    /// administrator sets it); <paramref name="emptyQueues"/> false keeps what an earlier pipeline left on the queues.
    /// </summary>
    public static async Task<EmailPipeline> StartAsync(
        AzuriteFixture azurite, Action<IServiceCollection>? overrides = null, string? sendGridKey = "SG.test-key", bool emptyQueues = true, string sink = "sendgrid")
    {
        var sendGrid = WireMockServer.Start();
        var host = FunctionHost.Create(
            azurite.Configuration(new Dictionary<string, string?>
            {
                [AppSettings.EmailSink] = sink,
                [AppSettings.SendGridApiKey] = sendGridKey,
                [AppSettings.EmailFrom] = "no-reply@tinhuy.example.vn",
                [AppSettings.EmailAdminMailbox] = AdminMailbox,
            }),
            services =>
            {
                services.AddSingleton<ISendGridClient>(new SendGridClient(new SendGridClientOptions { ApiKey = "SG.test-key", Host = sendGrid.Url }));
                services.AddSingleton(new SendGridTransportOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(5) });
                overrides?.Invoke(services);
            });
        var pipeline = new EmailPipeline(host, sendGrid);
        foreach (var queue in new[] { pipeline.Digests, pipeline.Poison })
        {
            await queue.CreateIfNotExistsAsync();
            if (emptyQueues)
            {
                await queue.ClearMessagesAsync();
            }
        }

        return pipeline;
    }

    /// <summary>What a run does: store the digest in the outbox and queue it.</summary>
    public async Task<Digest> SubmitAsync(Digest digest)
    {
        await Outbox.AddAsync(digest, CancellationToken.None);
        await Scheduler.ScheduleAsync(DigestMessage.For(digest.Id), TimeSpan.Zero, CancellationToken.None);
        return digest;
    }

    public async Task<DigestDelivery> DeliveryOf(Digest digest) =>
        (await Outbox.GetAsync(digest.Id, CancellationToken.None))!.Delivery;

    public IReadOnlyList<string> SentBodies() =>
        SendGrid.LogEntries.Where(e => e.RequestMessage.Path == "/v3/mail/send").Select(e => e.RequestMessage.Body ?? string.Empty).ToList();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        SendGrid.Stop();
        SendGrid.Dispose();
    }

    private QueueClient Queue(string name) => Host.Services.GetRequiredService<StorageClients>().Queues.GetQueueClient(name);
}
