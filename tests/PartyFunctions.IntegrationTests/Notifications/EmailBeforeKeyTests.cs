using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Configuration;
using PartyFunctions.Health;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Notifications;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PartyFunctions.IntegrationTests.Notifications;

/// <summary>
/// The first hours of a deployment: Email:Sink is sendgrid but the vault has no SendGrid key yet, so the Key Vault
/// reference arrives unresolved. Digests must wait (pending, never poison), the app must say email is not configured,
/// and once the key is set (a new start of the app, as a restart is) what waited is sent once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmailBeforeKeyTests(AzuriteFixture azurite)
{
    private const string UnresolvedReference = "@Microsoft.KeyVault(SecretUri=https://kv-party-x.vault.azure.net/secrets/SendGridApiKey/)";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_digest_created_before_the_key_stays_pending_then_is_sent_once_after_the_key_is_set()
    {
        Digest digest;
        await using (var before = await EmailPipeline.StartAsync(azurite, ShortWait, sendGridKey: UnresolvedReference))
        {
            digest = await before.SubmitAsync(SampleDigests.ForAssignedMember());

            // Many deliveries while the key is missing: none fails, none is counted, nothing reaches SendGrid or poison.
            for (var i = 0; i < HostJson.MaxDequeueCount + 1; i++)
            {
                await WaitUntilVisibleAsync(before);
                Assert.Equal(1, await before.Host.DrainQueueAsync(StorageNames.DigestsQueue));
            }

            Assert.Empty(before.Host.QueueFailures);
            Assert.Empty(before.SendGrid.LogEntries);
            Assert.Equal(DeliveryStatus.Pending, (await before.DeliveryOf(digest)).Status);
            Assert.Equal(0, (await before.Poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
            Assert.Equal(1, (await before.Digests.GetPropertiesAsync()).Value.ApproximateMessagesCount);
            Assert.Empty((await before.Digests.PeekMessagesAsync(1)).Value);
        }

        await using var after = await EmailPipeline.StartAsync(azurite, ShortWait, emptyQueues: false);
        after.SendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "sg-after-key"));
        await WaitUntilVisibleAsync(after);
        await after.Host.DrainQueueAsync(StorageNames.DigestsQueue);
        // A stray second copy (at-least-once delivery) sends nothing more.
        await after.Scheduler.ScheduleAsync(DigestMessage.For(digest.Id), TimeSpan.Zero, CancellationToken.None);
        await after.Host.DrainQueueAsync(StorageNames.DigestsQueue);

        Assert.Single(after.SentBodies());
        var delivery = await after.DeliveryOf(digest);
        Assert.Equal((DeliveryStatus.Sent, "sg-after-key"), (delivery.Status, delivery.MessageId));
        Assert.Equal(0, (await after.Digests.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Health_and_the_administrators_page_say_email_is_not_configured_until_the_key_is_set()
    {
        await using (var before = await EmailPipeline.StartAsync(azurite, sendGridKey: UnresolvedReference))
        {
            var health = await before.Host.Services.GetRequiredService<CheckHealth>().RunAsync(CancellationToken.None);
            var page = await before.Host.SendAsync(HttpMethod.Get, "/api/admin/status");

            Assert.Equal(EmailStatus.NotConfigured, health.Email);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("Email chưa được cấu hình", page.Body, StringComparison.Ordinal);
            Assert.Contains("Email not configured", page.Body, StringComparison.Ordinal);
        }

        await using var after = await EmailPipeline.StartAsync(azurite);
        var configured = await after.Host.SendAsync(HttpMethod.Get, "/api/admin/status");

        Assert.Equal("sendgrid", (await after.Host.Services.GetRequiredService<CheckHealth>().RunAsync(CancellationToken.None)).Email);
        Assert.DoesNotContain("Email chưa được cấu hình", configured.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sink_none_keeps_digests_pending_even_with_a_key()
    {
        await using var pipeline = await EmailPipeline.StartAsync(azurite, ShortWait, sink: "none");
        var digest = await pipeline.SubmitAsync(SampleDigests.ForAssignedMember());

        await pipeline.Host.DrainQueueAsync(StorageNames.DigestsQueue);

        Assert.Empty(pipeline.SendGrid.LogEntries);
        Assert.Equal(DeliveryStatus.Pending, (await pipeline.DeliveryOf(digest)).Status);
    }

    private static void ShortWait(IServiceCollection services) =>
        services.AddSingleton(new EmailOptions("no-reply@tinhuy.example.vn", EmailPipeline.AdminMailbox) { NotConfiguredRetryDelay = Wait });

    /// <summary>The waiting message is invisible for <see cref="Wait"/>: poll until it shows, as the host's polling would.</summary>
    private static async Task WaitUntilVisibleAsync(EmailPipeline pipeline)
    {
        for (var i = 0; i < 100 && (await pipeline.Digests.PeekMessagesAsync(1)).Value.Length == 0; i++)
        {
            await Task.Delay(100);
        }
    }
}
