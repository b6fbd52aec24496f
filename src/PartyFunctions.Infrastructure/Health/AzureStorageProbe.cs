using System.Diagnostics;
using PartyFunctions.Health;

namespace PartyFunctions.Infrastructure.Health;

/// <summary>Asks each storage service for one cheap listing page, in parallel, each bounded by a timeout.</summary>
public sealed class AzureStorageProbe(StorageClients clients) : IStorageProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<ServiceHealth>> ProbeAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(
            ProbeOneAsync("tables", async ct =>
            {
                await foreach (var _ in clients.Tables.QueryAsync(maxPerPage: 1, cancellationToken: ct).AsPages())
                {
                    break;
                }
            }, cancellationToken),
            ProbeOneAsync("blobs", async ct =>
            {
                await foreach (var _ in clients.Blobs.GetBlobContainersAsync(cancellationToken: ct).AsPages(pageSizeHint: 1))
                {
                    break;
                }
            }, cancellationToken),
            ProbeOneAsync("queues", async ct =>
            {
                await foreach (var _ in clients.Queues.GetQueuesAsync(cancellationToken: ct).AsPages(pageSizeHint: 1))
                {
                    break;
                }
            }, cancellationToken));
        return results;
    }

    private static async Task<ServiceHealth> ProbeOneAsync(string name, Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            await probe(timeout.Token);
            return new ServiceHealth(name, true, watch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A probe reports any failure instead of throwing: health must answer even when storage cannot.
            // Only the exception type and status go out: messages can carry account names or request ids.
            var reason = ex is Azure.RequestFailedException rfe ? $"HTTP {rfe.Status}" : ex.GetType().Name;
            return new ServiceHealth(name, false, watch.ElapsedMilliseconds, reason);
        }
    }
}
