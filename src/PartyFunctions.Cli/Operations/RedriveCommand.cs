using System.CommandLine;
using System.Globalization;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace PartyFunctions.Cli.Operations;

/// <summary>
/// <c>party redrive &lt;queue&gt; [--dry-run]</c>: after the cause is fixed, moves the messages of <c>&lt;queue&gt;-poison</c>
/// back to <c>&lt;queue&gt;</c> (bodies unchanged, base64 as the host writes them); a dry run lists them and moves nothing.
/// </summary>
public static class RedriveCommand
{
    public const string PoisonSuffix = "-poison";
    private const int ShownBodyChars = 200;

    public static Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var queue = new Argument<string>("queue") { Description = "The queue to move poison messages back to (e.g. digests)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "List the poison messages (the first 32) and move nothing." };
        var command = new Command("redrive", "Move the messages of <queue>-poison back to <queue>.") { queue, dryRun };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var name = result.GetValue(queue)!;
            if (name.EndsWith(PoisonSuffix, StringComparison.Ordinal))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"Name the queue itself, not its poison queue: party redrive {name[..^PoisonSuffix.Length]}");
                return PartyCommand.InvalidInput;
            }

            var queues = context.Services.GetRequiredService<StorageClients>().Queues;
            var poison = queues.GetQueueClient(name + PoisonSuffix);
            if (!await poison.ExistsAsync(cancellationToken))
            {
                await output.WriteLineAsync($"{poison.Name}: no such queue, nothing to redrive.");
                return 0;
            }

            return result.GetValue(dryRun)
                ? await ListAsync(poison, output, cancellationToken)
                : await MoveAsync(poison, queues.GetQueueClient(name), output, cancellationToken);
        });
        return command;
    }

    private static async Task<int> ListAsync(QueueClient poison, TextWriter output, CancellationToken cancellationToken)
    {
        var count = (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        var shown = (await poison.PeekMessagesAsync(32, cancellationToken)).Value;
        foreach (var message in shown)
        {
            var body = message.Body.ToString();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{message.MessageId}  {message.InsertedOn:yyyy-MM-dd HH:mm:ss}Z  dequeued {message.DequeueCount}  {(body.Length > ShownBodyChars ? body[..ShownBodyChars] + "…" : body)}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{poison.Name}: {count} message(s), {shown.Length} shown; dry run, nothing moved."));
        return 0;
    }

    /// <summary>Sends each message to the queue before deleting it from the poison queue: a crash can repeat one, never lose one.</summary>
    private static async Task<int> MoveAsync(QueueClient poison, QueueClient target, TextWriter output, CancellationToken cancellationToken)
    {
        await target.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var moved = 0;
        while (true)
        {
            var messages = (await poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), cancellationToken)).Value;
            if (messages.Length == 0)
            {
                break;
            }

            foreach (var message in messages)
            {
                await target.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{poison.Name} -> {target.Name}: {moved} message(s) moved."));
        return 0;
    }
}
