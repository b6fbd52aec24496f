using Azure.Core;
using Azure.Core.Pipeline;

namespace PartyFunctions.Benchmarks;

/// <summary>Counts every HTTP request the storage clients send (retries included).</summary>
internal sealed class RoundTrips : HttpPipelineSynchronousPolicy
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
}
