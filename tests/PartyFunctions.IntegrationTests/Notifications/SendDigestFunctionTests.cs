using System.Text.Json.Nodes;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Notifications;
using PartyFunctions.Infrastructure.Notifications;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PartyFunctions.IntegrationTests.Notifications;

[Collection(AzuriteCollection.Name)]
public sealed class SendDigestFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public void Send_and_poison_functions_listen_on_the_digest_queues_of_the_app_storage()
    {
        var send = FunctionsMetadata.OfBuiltApp["SendDigest"].Trigger;
        var poison = FunctionsMetadata.OfBuiltApp["UndeliverableDigest"].Trigger;

        Assert.Equal(("queueTrigger", "digests", "AzureWebJobsStorage"), (send.Type, send.QueueName, send.Connection));
        Assert.Equal(("queueTrigger", "digests-poison", "AzureWebJobsStorage"), (poison.Type, poison.QueueName, poison.Connection));
    }

    [Fact]
    public async Task Sends_a_digest_once_with_both_parts_categories_and_custom_args_then_marks_it_sent()
    {
        await using var pipeline = await EmailPipeline.StartAsync(azurite);
        Accept(pipeline, "sg-message-1");
        var digest = await pipeline.SubmitAsync(SampleDigests.ForAssignedMember());

        await pipeline.Host.DrainQueueAsync(StorageNames.DigestsQueue);

        Assert.Empty(pipeline.Host.QueueFailures);
        var body = JsonNode.Parse(Assert.Single(pipeline.SentBodies()))!;
        Assert.Equal("uvtv.nguyen@tinhuy.example.vn", body["personalizations"]![0]!["to"]![0]!["email"]!.GetValue<string>());
        Assert.Equal("no-reply@tinhuy.example.vn", body["from"]!["email"]!.GetValue<string>());
        Assert.Contains("Cần xác nhận đã nắm: 3 cảnh báo", body["subject"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["text/plain", "text/html"], body["content"]!.AsArray().Select(c => c!["type"]!.GetValue<string>()));
        Assert.Contains("Chi bộ thôn Đống Cao", body["content"]![1]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("overdue", body["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        var customArgs = body["personalizations"]![0]!["custom_args"]!;
        Assert.Equal(digest.Id.ToString(), customArgs["digestId"]!.GetValue<string>());
        Assert.Equal(digest.Id.RunId, customArgs["runId"]!.GetValue<string>());
        var delivery = await pipeline.DeliveryOf(digest);
        Assert.Equal((DeliveryStatus.Sent, "sg-message-1"), (delivery.Status, delivery.MessageId));
    }

    [Fact]
    public async Task Sandbox_mode_asks_SendGrid_to_validate_only_and_records_the_digest_as_sent()
    {
        await using var pipeline = await EmailPipeline.StartAsync(azurite, services => services.AddSingleton(new SendGridTransportOptions(SandboxMode: true)));
        pipeline.SendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        var digest = await pipeline.SubmitAsync(SampleDigests.ForAssignedMember());

        await pipeline.Host.DrainQueueAsync(StorageNames.DigestsQueue);

        var body = JsonNode.Parse(Assert.Single(pipeline.SentBodies()))!;
        Assert.True(body["mail_settings"]!["sandbox_mode"]!["enable"]!.GetValue<bool>());
        Assert.Equal($"sandbox:{digest.Id}", (await pipeline.DeliveryOf(digest)).MessageId);
    }

    [Fact]
    public async Task A_redelivered_message_for_a_sent_digest_sends_nothing()
    {
        await using var pipeline = await EmailPipeline.StartAsync(azurite);
        Accept(pipeline, "sg-once");
        var digest = await pipeline.SubmitAsync(SampleDigests.ForAssignedMember());
        await pipeline.Scheduler.ScheduleAsync(DigestMessage.For(digest.Id), TimeSpan.Zero, CancellationToken.None);

        await pipeline.Host.DrainQueueAsync(StorageNames.DigestsQueue);
        await pipeline.Scheduler.ScheduleAsync(DigestMessage.For(digest.Id), TimeSpan.Zero, CancellationToken.None);
        await pipeline.Host.DrainQueueAsync(StorageNames.DigestsQueue);

        Assert.Single(pipeline.SentBodies());
        Assert.Equal("sg-once", (await pipeline.DeliveryOf(digest)).MessageId);
    }

    [Fact]
    public async Task A_429_postpones_the_digest_by_Retry_After_instead_of_failing()
    {
        await using var pipeline = await EmailPipeline.StartAsync(azurite);
        pipeline.SendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "120"));
        var digest = await pipeline.SubmitAsync(SampleDigests.ForAssignedMember());

        var succeeded = await pipeline.Host.DrainQueueAsync(StorageNames.DigestsQueue);

        Assert.Equal(1, succeeded);
        Assert.Single(pipeline.SentBodies());
        Assert.Equal(DeliveryStatus.Pending, (await pipeline.DeliveryOf(digest)).Status);
        // The postponed copy is on the queue but invisible for two minutes.
        Assert.Equal(1, (await pipeline.Digests.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await pipeline.Digests.PeekMessagesAsync(10)).Value);
        Assert.Equal(0, (await pipeline.Poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_500_is_retried_with_back_off_and_the_next_success_is_recorded()
    {
        await using var pipeline = await EmailPipeline.StartAsync(azurite);
        pipeline.SendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("""{"errors":[{"message":"internal"}]}"""));
        pipeline.SendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "sg-after-500"));
        var digest = await pipeline.SubmitAsync(SampleDigests.ForAssignedMember());

        await pipeline.Host.DrainQueueAsync(StorageNames.DigestsQueue);

        Assert.Equal(2, pipeline.SentBodies().Count);
        Assert.Equal((DeliveryStatus.Sent, "sg-after-500"), ((await pipeline.DeliveryOf(digest)).Status, (await pipeline.DeliveryOf(digest)).MessageId));
    }

    [Fact]
    public async Task A_permanent_400_is_recorded_without_retries_and_alerts_the_administrators_once()
    {
        await using var pipeline = await EmailPipeline.StartAsync(azurite);
        pipeline.SendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost().WithBody(To("khong-hop-le@"))).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(400)
                .WithBody("""{"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email"}]}"""));
        Accept(pipeline, "sg-admin");
        var digest = await pipeline.SubmitAsync(SampleDigests.ForAssignedMember("khong-hop-le@"));

        await pipeline.Host.DrainQueueAsync(StorageNames.DigestsQueue);

        var bodies = pipeline.SentBodies();
        Assert.Equal(2, bodies.Count);
        var delivery = await pipeline.DeliveryOf(digest);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Contains("valid address", delivery.FailureReason, StringComparison.Ordinal);
        Assert.True(delivery.AdministratorsAlerted);
        var alert = JsonNode.Parse(bodies[1])!;
        Assert.Equal(EmailPipeline.AdminMailbox, alert["personalizations"]![0]!["to"]![0]!["email"]!.GetValue<string>());
        Assert.Contains("khong-hop-le@", alert["content"]![0]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_that_keeps_failing_reaches_the_poison_queue_and_alerts_the_administrators_only_once()
    {
        await using var pipeline = await EmailPipeline.StartAsync(azurite);
        pipeline.SendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost().WithBody(To("uvtv.nguyen@"))).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(503));
        Accept(pipeline, "sg-admin-alert");
        var digest = await pipeline.SubmitAsync(SampleDigests.ForAssignedMember());

        await pipeline.Host.DrainQueueAsync(StorageNames.DigestsQueue);
        var poisoned = (await pipeline.Poison.PeekMessagesAsync(10)).Value;
        var poisonMessage = Assert.Single(poisoned);
        // The poison message is delivered twice: the alert must still go out once.
        await pipeline.Poison.SendMessageAsync(poisonMessage.Body);
        await pipeline.Host.DrainQueueAsync(StorageNames.DigestsPoisonQueue);
        await pipeline.Host.DrainQueueAsync(StorageNames.DigestsQueue);

        var toOriginal = pipeline.SentBodies().Count(b => b.Contains("uvtv.nguyen", StringComparison.Ordinal) && !b.Contains(EmailPipeline.AdminMailbox, StringComparison.Ordinal));
        Assert.Equal(HostJson.MaxDequeueCount * 3, toOriginal);
        var alerts = pipeline.SentBodies().Where(b => b.Contains(EmailPipeline.AdminMailbox, StringComparison.Ordinal)).ToList();
        Assert.Single(alerts);
        Assert.Contains("Cần kiểm tra", JsonNode.Parse(alerts[0])!["subject"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Failed, (await pipeline.DeliveryOf(digest)).Status);
    }

    /// <summary>Matches a mail/send request addressed to <paramref name="addressStart"/>, not one that merely mentions it.</summary>
    private static RegexMatcher To(string addressStart) =>
        new($"\"to\":\\[\\{{[^}}]*\"email\":\"{System.Text.RegularExpressions.Regex.Escape(addressStart)}");

    private static void Accept(EmailPipeline pipeline, string messageId, int priority = 100) =>
        pipeline.SendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", messageId));
}
