using Azure.Storage.Queues;
using PartyFunctions.Cli;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Operations;

/// <summary><c>party redrive</c> in-process against Azurite, on a queue of the test's own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RedriveCommandTests(AzuriteFixture azurite)
{
    private readonly string queueName = "redrive-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_dry_run_lists_the_poison_messages_and_moves_none()
    {
        var poison = await PoisonAsync("""{"RunId":"r1","RecipientKey":"k1"}""", """{"RunId":"r2","RecipientKey":"k2"}""");

        var run = await PartyAsync("redrive", queueName, "--dry-run");

        Assert.Equal(0, run.Exit);
        Assert.Contains("\"k1\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"k2\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 message(s), 2 shown", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.False(await Client(queueName).ExistsAsync());
    }

    [Fact]
    public async Task Redrive_moves_every_message_back_in_base64_with_its_body_unchanged()
    {
        var bodies = Enumerable.Range(1, 40).Select(i => $$"""{"RunId":"r","RecipientKey":"k{{i}}"}""").ToArray();
        var poison = await PoisonAsync(bodies);

        var run = await PartyAsync("redrive", queueName);

        Assert.Equal(0, run.Exit);
        Assert.Contains("40 message(s) moved", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var moved = new List<string>();
        var target = Client(queueName);
        while ((await target.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            moved.AddRange(batch.Select(m => m.Body.ToString()));
        }

        Assert.Equal(bodies.Order(StringComparer.Ordinal), moved.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Naming_the_poison_queue_itself_exits_2()
    {
        var run = await PartyAsync("redrive", queueName + "-poison");

        Assert.Equal(PartyCommand.InvalidInput, run.Exit);
        Assert.Contains($"party redrive {queueName}", run.Error, StringComparison.Ordinal);
    }

    private QueueClient Client(string name) =>
        new(azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private async Task<QueueClient> PoisonAsync(params string[] bodies)
    {
        var poison = Client(queueName + "-poison");
        await poison.CreateAsync();
        foreach (var body in bodies)
        {
            await poison.SendMessageAsync(body);
        }

        return poison;
    }

    private async Task<(int Exit, string Output, string Error)> PartyAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PartyCommand.RunAsync(args, output, error, azurite.Configuration());
        return (exit, output.ToString(), error.ToString());
    }
}
