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

    private FunctionHost CreateHost(ProbeLog log) =>
        FunctionHost.Create(
            azurite.Configuration(new Dictionary<string, string?> { ["Probe:Schedule"] = "0 0 1 * * *" }),
            FunctionsMetadata.Parse(Metadata),
            services => services.AddSingleton(log));
}
