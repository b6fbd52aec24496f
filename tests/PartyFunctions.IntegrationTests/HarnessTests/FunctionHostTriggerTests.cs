using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.HarnessTests;

[Collection(AzuriteCollection.Name)]
public sealed class FunctionHostTriggerTests(AzuriteFixture azurite)
{
    private const string Metadata = """
        [
          { "name": "OnTimer", "scriptFile": "PartyFunctions.IntegrationTests.dll",
            "entryPoint": "PartyFunctions.IntegrationTests.HarnessTests.ProbeFunctions.OnTimer",
            "bindings": [ { "name": "timer", "direction": "In", "type": "timerTrigger", "schedule": "%Probe:Schedule%" } ] },
          { "name": "OnMessage", "scriptFile": "PartyFunctions.IntegrationTests.dll",
            "entryPoint": "PartyFunctions.IntegrationTests.HarnessTests.ProbeFunctions.OnMessage",
            "bindings": [ { "name": "message", "direction": "In", "type": "queueTrigger", "queueName": "probe", "connection": "AzureWebJobsStorage" } ] },
          { "name": "OnPost", "scriptFile": "PartyFunctions.IntegrationTests.dll",
            "entryPoint": "PartyFunctions.IntegrationTests.HarnessTests.ProbeFunctions.OnPost",
            "bindings": [ { "name": "request", "direction": "In", "type": "httpTrigger", "authLevel": "Anonymous", "methods": ["post"], "route": "probe/{id}" },
                          { "name": "Response", "direction": "Out", "type": "http" },
                          { "name": "Message", "direction": "Out", "type": "queue", "queueName": "probe-out", "connection": "AzureWebJobsStorage" } ] }
        ]
        """;

    [Fact]
    public async Task Runs_a_timer_function_with_the_given_TimerInfo()
    {
        var log = new ProbeLog();
        await using var host = CreateHost(log);

        await host.RunTimerAsync("OnTimer", new TimerInfo { IsPastDue = true });

        Assert.True(Assert.Single(log.Timers).IsPastDue);
    }

    [Fact]
    public async Task Delivers_base64_JSON_queue_messages_and_poisons_one_that_keeps_failing()
    {
        var log = new ProbeLog();
        await using var host = CreateHost(log);
        var queue = new QueueClient(azurite.ConnectionString, "probe", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(JsonSerializer.Serialize(new ProbeMessage("a", "Chi bộ số 1")));
        await queue.SendMessageAsync(JsonSerializer.Serialize(new ProbeMessage("b", "fails", Fail: true)));

        var succeeded = await host.DrainQueueAsync("probe");

        Assert.Equal(1, succeeded);
        Assert.Equal("Chi bộ số 1", Assert.Single(log.Messages).Text);
        Assert.Equal(HostJson.MaxDequeueCount, log.Attempts["b"]);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var poison = new QueueClient(azurite.ConnectionString, "probe-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var dead = Assert.Single((await poison.ReceiveMessagesAsync(10)).Value);
        Assert.Equal("b", dead.Body.ToObjectFromJson<ProbeMessage>()!.Id);
    }

    [Fact]
    public async Task Drains_part_of_a_queue_and_leaves_the_rest_for_later()
    {
        var log = new ProbeLog();
        await using var host = CreateHost(log);
        var queue = new QueueClient(azurite.ConnectionString, "probe", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();
        foreach (var id in new[] { "p1", "p2", "p3" })
        {
            await queue.SendMessageAsync(JsonSerializer.Serialize(new ProbeMessage(id, "phần")));
        }

        var first = await host.DrainQueueAsync("probe", maxInvocations: 2);
        var rest = await host.DrainQueueAsync("probe");

        Assert.Equal((2, 1), (first, rest));
        Assert.Equal(["p1", "p2", "p3"], log.Messages.Select(m => m.Id).Order());
    }

    [Fact]
    public async Task Writes_a_multi_outputs_queue_property_as_base64_JSON_and_answers_its_http_property()
    {
        await using var host = CreateHost(new ProbeLog());
        var queue = new QueueClient(azurite.ConnectionString, "probe-out", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();

        var sent = await host.SendAsync(HttpMethod.Post, "/api/probe/m1");
        var none = await host.SendAsync(HttpMethod.Post, "/api/probe/none");

        Assert.Equal((System.Net.HttpStatusCode.Accepted, System.Net.HttpStatusCode.Accepted), (sent.Status, none.Status));
        var message = Assert.Single((await queue.ReceiveMessagesAsync(10)).Value);
        Assert.Equal("m1", message.Body.ToObjectFromJson<ProbeMessage>()!.Id);
    }

    [Fact]
    public async Task One_instance_runs_at_most_batchSize_plus_newBatchThreshold_messages_at_once_as_the_host_does()
    {
        var log = new ProbeLog();
        await using var host = CreateHost(log);
        var queue = await EmptyProbeQueueAsync();
        // Half of each batch is quick: the listener fetches again while the slow half still runs.
        for (var i = 0; i < 48; i++)
        {
            await queue.SendMessageAsync(JsonSerializer.Serialize(new ProbeMessage($"c{i}", "chờ", HoldMilliseconds: i % 2 == 0 ? 1500 : 20)));
        }

        Assert.Equal(48, await host.DrainQueueAsync("probe"));

        // host.json: batchSize 16, newBatchThreshold unset so 16 / 2.
        Assert.Equal(24, host.QueueOptions.MaxConcurrency);
        Assert.Equal(24, log.MostAtOnce);
    }

    [Fact]
    public async Task Two_instances_drain_one_queue_together_each_at_the_host_concurrency()
    {
        var log = new ProbeLog();
        await using var host = CreateHost(log);
        await using var second = host.StartAnotherInstance();
        var queue = await EmptyProbeQueueAsync();
        for (var i = 0; i < 96; i++)
        {
            await queue.SendMessageAsync(JsonSerializer.Serialize(new ProbeMessage($"s{i}", "chờ", HoldMilliseconds: 300)));
        }

        Assert.Equal(96, await FunctionHost.DrainQueueAsync([host, second], "probe"));

        Assert.Equal(96, log.Messages.Select(m => m.Id).Distinct().Count());
        Assert.InRange(log.MostAtOnce, host.QueueOptions.MaxConcurrency + 1, 2 * host.QueueOptions.MaxConcurrency);
    }

    [Fact]
    public async Task A_failed_message_stays_hidden_for_host_json_visibilityTimeout_unless_an_app_setting_overrides_it()
    {
        var log = new ProbeLog();
        // No override (the tests' settings have one): host.json's 30 s.
        await using var host = FunctionHost.Create(
            AzuriteFixture.AppSettings(azurite.ConnectionString, new Dictionary<string, string?>
            {
                ["Probe:Schedule"] = "0 0 1 * * *",
                [$"{QueueHostOptions.OverrideSection}:visibilityTimeout"] = null,
            }),
            FunctionsMetadata.Parse(Metadata),
            services => services.AddSingleton(log));
        var queue = await EmptyProbeQueueAsync();
        await queue.SendMessageAsync(JsonSerializer.Serialize(new ProbeMessage("h", "fails", Fail: true)));

        var succeeded = await host.DrainQueueAsync("probe", maxInvocations: 1);

        Assert.Equal(TimeSpan.FromSeconds(30), host.QueueOptions.VisibilityTimeout);
        Assert.Equal((0, 1), (succeeded, log.Attempts["h"]));
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        await using var overridden = CreateHost(log);
        Assert.Equal(TimeSpan.Zero, overridden.QueueOptions.VisibilityTimeout);
        await queue.ClearMessagesAsync();
    }

    private async Task<QueueClient> EmptyProbeQueueAsync()
    {
        var queue = new QueueClient(azurite.ConnectionString, "probe", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();
        return queue;
    }

    private FunctionHost CreateHost(ProbeLog log) =>
        FunctionHost.Create(
            azurite.Configuration(new Dictionary<string, string?> { ["Probe:Schedule"] = "0 0 1 * * *" }),
            FunctionsMetadata.Parse(Metadata),
            services => services.AddSingleton(log));
}
