using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace PartyFunctions.LocalRunner;

/// <summary>
/// One instance's listener on one queue, as the Storage Queues extension's QueueListener and QueueProcessor work
/// (docs/architecture.md cites them): receive up to batchSize messages, hidden for 10 minutes while they run; run
/// them concurrently; fetch the next batch as soon as no more than newBatchThreshold are still running (so at most
/// batchSize + newBatchThreshold at once); delete a message that succeeded; release one that failed for host.json's
/// visibilityTimeout, or move it to <c>&lt;queue&gt;-poison</c> once its dequeue count reached maxDequeueCount (and
/// never invoke one whose count is past it).
/// </summary>
internal sealed class QueueListener(
    QueueClient queue, QueueClient poison, QueueHostOptions options, QueueDrain drain,
    Func<QueueMessage, CancellationToken, Task> invoke, Action<Exception> failed)
{
    /// <summary>The extension hides a received message this long and renews it while the function runs.</summary>
    public static readonly TimeSpan ReceiveVisibility = TimeSpan.FromMinutes(10);

    // The host backs off towards maxPollingInterval on an empty queue; a drain polls briskly, since what it waits for
    // is other instances' work finishing or a released message coming back.
    private static readonly TimeSpan EmptyPoll = TimeSpan.FromMilliseconds(25);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var processing = new List<Task>();
        while (true)
        {
            var wanted = drain.Reserve(Math.Min(options.BatchSize, 32));
            var batch = wanted == 0 ? [] : await ReceiveAsync(wanted, cancellationToken);
            drain.GiveBack(wanted - batch.Length);
            processing.AddRange(batch.Select(message => ProcessAsync(message, cancellationToken)));
            if (batch.Length > 0)
            {
                while (processing.Count > options.NewBatchThreshold)
                {
                    processing.Remove(await Task.WhenAny(processing));
                }

                continue;
            }

            if (processing.Count > 0)
            {
                processing.Remove(await Task.WhenAny(processing));
                continue;
            }

            if (drain.Quiet || drain.Exhausted)
            {
                return;
            }

            await Task.Delay(EmptyPoll, cancellationToken);
        }
    }

    /// <summary>As the extension, a queue that does not exist (yet) is an empty one, not an error.</summary>
    private async Task<QueueMessage[]> ReceiveAsync(int count, CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.ReceiveMessagesAsync(count, ReceiveVisibility, cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        // Off the receiving loop at once, as the extension starts each message's task.
        await Task.Yield();
        var success = false;
        try
        {
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                await PoisonAsync(message, cancellationToken);
                return;
            }

            try
            {
                await invoke(message, cancellationToken);
                success = true;
            }
            catch (Exception ex)
            {
                failed(ex);
            }

            if (success)
            {
                await IgnoringLostMessageAsync(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken));
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await PoisonAsync(message, cancellationToken);
            }
            else
            {
                await IgnoringLostMessageAsync(() => queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: cancellationToken));
                drain.Released(options.VisibilityTimeout);
            }
        }
        catch (Exception ex)
        {
            // The host logs a failure to complete a message and goes on; the message comes back when its lease ends.
            failed(ex);
        }
        finally
        {
            drain.Finished(success);
        }
    }

    private async Task PoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await IgnoringLostMessageAsync(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken));
    }

    /// <summary>As the extension: a pop receipt that no longer matches (another instance took the message over) or a message already gone is not an error.</summary>
    private static async Task IgnoringLostMessageAsync(Func<Task> complete)
    {
        try
        {
            await complete();
        }
        catch (RequestFailedException ex) when (ex.Status is 400 or 404)
        {
        }
    }
}
