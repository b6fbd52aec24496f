using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyFunctions.Access;
using PartyFunctions.AnnualRun;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Infrastructure.Submissions;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.AnnualRun;

/// <summary>
/// The small province on its own tables (registry, scores, results, alerts) with a fake clock at the run time, a
/// score store whose Q.G4 reads fail until told otherwise, empty shard queues, and signed links.
/// </summary>
internal sealed record Province(FunctionHost Host, FailingShardScoreStore Store, QueueClient Shards, LinkSigner Signer, FakeTimeProvider Clock)
{
    /// <summary>09:00 ICT on 15 December 2025: November's cut-off has passed, so the run covers January to November.</summary>
    public static readonly DateTimeOffset RunTime = new(2025, 12, 15, 2, 0, 0, TimeSpan.Zero);

    public string Link(string action, string scope) => Signer.Sign(new SignedLink(action, scope, Clock.GetUtcNow().AddDays(30)));

    /// <summary>The completion's digests to <paramref name="email"/>: their run ids name what their lines are about.</summary>
    public async Task<IReadOnlyList<DigestId>> CompletionDigestsAsync(string email)
    {
        var container = await Host.Services.GetRequiredService<StorageNamespace>().ContainerAsync(StorageNames.OutboxContainer);
        var recipient = DigestId.For("-", email).RecipientKey;
        var ids = new List<DigestId>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{ClassificationRun.IdFor(2025)}-done-", default))
        {
            if (blob.Name.EndsWith($"/{recipient}.json", StringComparison.Ordinal))
            {
                ids.Add(new DigestId(blob.Name.Split('/')[0], recipient));
            }
        }

        return ids;
    }

    /// <summary>The one completion digest to <paramref name="email"/>.</summary>
    public async Task<DigestId> CompletionDigestAsync(string email) => Assert.Single(await CompletionDigestsAsync(email));

    /// <summary>Fresh access codes of every cell under <paramref name="committee"/>, by cell id.</summary>
    public async Task<Dictionary<string, string>> CodesAsync(string committee)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        await Host.Services.GetRequiredService<IssueAccessCodes>().RunAsync(committee, allUnder: true, issued =>
        {
            foreach (var code in issued)
            {
                codes[code.Cell.Id] = code.Code;
            }

            return Task.CompletedTask;
        }, default);
        return codes;
    }

    /// <summary>The province after its whole run with no failing shard: results, reports and annual-weak alerts in place.</summary>
    public static async Task<Province> ClassifiedAsync(AzuriteFixture azurite)
    {
        var province = await CreateAsync(azurite);
        province.Store.Failing = false;
        await province.Host.RunTimerAsync("AnnualClassification", new TimerInfo());
        await province.Host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);
        return province;
    }

    public static async Task<Province> CreateAsync(AzuriteFixture azurite, Action<IServiceCollection>? overrides = null, IDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(RunTime);
        FailingShardScoreStore? store = null;
        var failure = new FailureSwitch();
        var alertsPrefix = "a" + Twins.Hex(12, "prefix");
        var host = FunctionHost.Create(TestSettings.For(azurite, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { [StorageNamespace.PrefixSetting] = alertsPrefix }), services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IScoreStore>(sp => store = new FailingShardScoreStore(
                ActivatorUtilities.CreateInstance<TableScoreStore>(sp), "Q.G4", failure));
            overrides?.Invoke(services);
        });
        var import = await host.Services.GetRequiredService<ImportUnits>().RunAsync(SmallProvince.UnitsCsv(), deactivateMissing: false, default);
        Assert.True(import.Succeeded, string.Join("\n", import.Errors));
        var scores = host.Services.GetRequiredService<IScoreStore>();
        foreach (var score in SmallProvince.Scores())
        {
            Assert.True((await scores.TryAddAsync(score, default)).Written);
        }

        var shards = host.Services.GetRequiredService<StorageClients>().Queues.GetQueueClient(StorageNames.ClassificationShardsQueue);
        foreach (var queue in new[] { shards, host.Services.GetRequiredService<StorageClients>().Queues.GetQueueClient(StorageNames.ClassificationShardsPoisonQueue) })
        {
            await queue.CreateIfNotExistsAsync();
            await queue.ClearMessagesAsync();
        }

        return new Province(host, store!, shards, host.Services.GetRequiredService<LinkSigner>(), clock);
    }
}
