using Azure.Core;
using Azure.Core.Pipeline;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Faults;

/// <summary>
/// Deterministic storage faults for tests: once armed, it numbers the app's storage calls and fails the N-th one (of
/// those matching an optional filter) with a <see cref="StorageFault"/>; disarmed, it only passes calls on.
/// <para>
/// It sits <see cref="HttpPipelinePosition.PerCall"/>, before the SDK's retry policy, on purpose: the SDK retries a
/// 5xx or a timeout three times (0.8 s exponential back-off), so a fault injected per attempt would be healed by the
/// SDK (testing the SDK, slowly) unless it persisted for every attempt. Per call, one number is one call the app
/// made, and the fault is exactly what the SDK hands the app once its retries are spent: the 503/500 response
/// (the client raises RequestFailedException), or Azure.Core's AggregateException "Retry failed after 4 tries" of
/// TaskCanceledExceptions for network timeouts. The lost-answer kinds let the call through first, which an attempt
/// fault cannot express: the write is done but the app hears a failure (or, after the SDK's repeat, a 409/412).
/// </para>
/// </summary>
public sealed class StorageFaultPolicy(Func<Uri, StorageService> serviceOf) : HttpPipelinePolicy
{
    private readonly object gate = new();
    private readonly List<StorageCall> calls = [];
    private bool armed;
    private int failAt;
    private StorageFault fault;
    private Func<StorageCall, bool> matching = _ => true;
    private int matched;

    /// <summary>Tells the three services apart by the ports of a local Azurite.</summary>
    public static StorageFaultPolicy For(int blobPort, int queuePort, int tablePort) => new(uri =>
        uri.Port == blobPort ? StorageService.Blob
        : uri.Port == queuePort ? StorageService.Queue
        : uri.Port == tablePort ? StorageService.Table
        : throw new InvalidOperationException($"{uri} is not a port of this Azurite."));

    public static StorageFaultPolicy For(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        return For(azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
    }

    /// <summary>The registration that joins every storage client of the app built with it.</summary>
    public StoragePipelinePolicy Registration => new(this, HttpPipelinePosition.PerCall);

    /// <summary>The calls since the policy was last armed.</summary>
    public IReadOnlyList<StorageCall> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>The call that got the fault, once it has.</summary>
    public StorageCall? Injected { get; private set; }

    /// <summary>From now on, number the calls and fail the <paramref name="n"/>-th matching one (0: none, count only).</summary>
    public void Arm(int n, StorageFault kind = StorageFault.ServerBusy, Func<StorageCall, bool>? filter = null)
    {
        lock (gate)
        {
            calls.Clear();
            armed = true;
            failAt = n;
            fault = kind;
            matching = filter ?? (_ => true);
            matched = 0;
            Injected = null;
        }
    }

    public void Disarm()
    {
        lock (gate)
        {
            armed = false;
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (Next(message))
        {
            case null:
                await ProcessNextAsync(message, pipeline);
                return;
            case StorageFault.ServerBusy:
                message.Response = new FaultResponse(503, "ServerBusy", message.Request.ClientRequestId);
                return;
            case StorageFault.InternalError:
                message.Response = new FaultResponse(500, "InternalError", message.Request.ClientRequestId);
                return;
            case StorageFault.Timeout:
                throw RetriesSpentOnTimeouts();
            case StorageFault.TimeoutAfterWrite:
                await ProcessNextAsync(message, pipeline);
                throw RetriesSpentOnTimeouts();
            case StorageFault.RepeatedAfterLostAnswer:
                await ProcessNextAsync(message, pipeline);
                message.Response.ContentStream?.Dispose();
                await ProcessNextAsync(message, pipeline);
                return;
        }
    }

    private StorageFault? Next(HttpMessage message)
    {
        lock (gate)
        {
            if (!armed)
            {
                return null;
            }

            var call = new StorageCall(calls.Count + 1, serviceOf(message.Request.Uri.ToUri()), message.Request.Method.Method, message.Request.Uri.ToUri().PathAndQuery);
            calls.Add(call);
            if (Injected is not null || !matching(call) || ++matched != failAt)
            {
                return null;
            }

            Injected = call;
            return fault;
        }
    }

    /// <summary>What Azure.Core's RetryPolicy throws when every attempt (1 + 3 retries) timed out.</summary>
    private static AggregateException RetriesSpentOnTimeouts() => new(
        "Retry failed after 4 tries. Retry settings can be adjusted in ClientOptions.Retry or by configuring a custom retry policy in ClientOptions.RetryPolicy.",
        Enumerable.Range(0, 4).Select(_ => new TaskCanceledException(
            "The operation was cancelled because it exceeded the configured timeout of 0:01:40. Network timeout can be adjusted in ClientOptions.Retry.NetworkTimeout.")));
}
