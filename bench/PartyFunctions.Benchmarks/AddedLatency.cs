using Azure.Core;
using Azure.Core.Pipeline;

namespace PartyFunctions.Benchmarks;

/// <summary>Waits before every request: a stand-in for the network round trip Azurite on loopback does not have.</summary>
internal sealed class AddedLatency : HttpPipelinePolicy
{
    public TimeSpan Latency { get; set; }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, message.CancellationToken);
        }

        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Latency > TimeSpan.Zero)
        {
            Thread.Sleep(Latency);
        }

        ProcessNext(message, pipeline);
    }
}
