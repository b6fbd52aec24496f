using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Notifications;
using PartyFunctions.Notifications;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Faults;

/// <summary>
/// Sending one digest (outbox read, SendGrid through WireMock, the "sent" mark) with a storage fault at every call in
/// turn and of every kind; the queue redelivers as the host does.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class DigestFaultTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly DigestId Id = DigestId.For("cutoff-2025-11", "uvtv.nguyen@tinhuy.example.vn");

    [Fact]
    public async Task A_fault_at_any_storage_call_of_sending_a_digest_ends_sent_with_exactly_one_email()
    {
        var reference = await PlayAsync(0, StorageFault.ServerBusy);
        Assert.Equal(1, reference.Emails);
        output.WriteLine($"fault-free: {reference.Calls.Count} storage calls\n{string.Join("\n", reference.Calls)}");

        foreach (var kind in Enum.GetValues<StorageFault>())
        {
            for (var n = 1; n <= reference.Calls.Count; n++)
            {
                var run = await PlayAsync(n, kind);
                var context = $"{kind} at {run.Injected}";
                Assert.True(run.Injected is not null, $"{kind} at call {n}: no fault injected");
                Assert.True(reference.Snapshot.Difference(run.Snapshot).Count == 0, $"{context}: final state differs\n{string.Join('\n', reference.Snapshot.Difference(run.Snapshot))}");
                // docs/email.md: a claim or "sent" mark whose answer was lost is read back, and a mark that failed is
                // written again within the delivery, so one fault never repeats the email.
                Assert.True(run.Emails == 1, $"{context}: {run.Emails} emails");
            }
        }

        output.WriteLine($"{Enum.GetValues<StorageFault>().Length * reference.Calls.Count} faulty runs converged, each with one email");
    }

    private sealed record Run(IReadOnlyList<StorageCall> Calls, StorageCall? Injected, StorageSnapshot Snapshot, int Emails);

    private async Task<Run> PlayAsync(int failAt, StorageFault kind)
    {
        var policy = StorageFaultPolicy.For(azurite);
        await using var pipeline = await EmailPipeline.StartAsync(azurite, services => services.AddSingleton(policy.Registration));
        pipeline.SendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "sg-fault-sweep"));
        var outbox = pipeline.Host.HostStorage.Blobs.GetBlobContainerClient(StorageNames.OutboxContainer);
        await outbox.CreateIfNotExistsAsync();
        await outbox.GetBlobClient($"{Id.RunId}/{Id.RecipientKey}.json").DeleteIfExistsAsync();
        var sample = SampleDigests.ForAssignedMember();
        await pipeline.SubmitAsync(sample with { Id = Id });

        policy.Arm(failAt, kind);
        await pipeline.Host.DrainQueueAsync(StorageNames.DigestsQueue);
        policy.Disarm();

        Assert.Equal(0, (await pipeline.Poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var queued = await StorageSnapshot.OfAsync(pipeline.Host.HostStorage, [], [], [StorageNames.DigestsQueue]);
        var snapshot = queued with { Lines = [.. queued.Lines, "outbox " + await OutboxEntryAsync(pipeline)] };
        return new Run(policy.Calls, policy.Injected, snapshot, pipeline.SentBodies().Count);
    }

    private static async Task<string> OutboxEntryAsync(EmailPipeline pipeline)
    {
        var entry = (await pipeline.Outbox.GetAsync(Id, default))!;
        return $"{entry.Delivery.Status} {entry.Delivery.MessageId} {entry.Delivery.FailureReason} {entry.Digest.Items.Count}";
    }
}
