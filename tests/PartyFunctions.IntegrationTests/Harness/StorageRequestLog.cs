using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace PartyFunctions.IntegrationTests.Harness;

/// <summary>
/// Records every request the app's storage clients send (retries included), as a <see cref="StoragePipelinePolicy"/>
/// registered in the host. Azurite serves each service on its own port, which tells tables, blobs and queues apart.
/// </summary>
internal sealed class StorageRequestLog(AzuriteFixture azurite) : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<StorageRequest> requests = new();

    public void Register(IServiceCollection services) => services.AddSingleton(new StoragePipelinePolicy(this, HttpPipelinePosition.PerRetry));

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.Request.Uri.ToUri();
        var service = uri.Port == azurite.TablePort ? "table" : uri.Port == azurite.BlobPort ? "blob" : uri.Port == azurite.QueuePort ? "queue" : "other";
        requests.Enqueue(new StorageRequest(service, message.Request.Method.Method, uri.AbsolutePath) { Query = Uri.UnescapeDataString(uri.Query) });
    }

    /// <summary>The requests <paramref name="work"/> sent.</summary>
    public async Task<IReadOnlyList<StorageRequest>> DuringAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        requests.Clear();
        await work();
        return [.. requests];
    }
}

/// <summary>One storage request: the service, the HTTP method and the path (account, table or container, key).</summary>
internal sealed record StorageRequest(string Service, string Method, string Path)
{
    /// <summary>The query string, unescaped (a table query's filter and select).</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>Table and blob requests: the use case's own. Queue messages are the output binding's (the host writes them).</summary>
    public bool IsUseCase => Service is "table" or "blob";

    /// <summary>Reads are GET (point reads, queries) and HEAD (blob properties); everything else writes.</summary>
    public bool IsWrite => Method is not ("GET" or "HEAD");

    public override string ToString() => $"{Service} {Method} {Path}";
}
