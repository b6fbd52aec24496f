using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyFunctions.Configuration;
using PartyFunctions.Hosting;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Submissions;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Faults;

/// <summary>
/// A first submission and an amendment through <c>POST /api/scores</c>, with a storage fault at every call in turn
/// and of every kind. The client does what docs/api.md tells it: on 503, send the same request again (same receipt).
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SubmissionFaultTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string FirstReceipt = "FAULT-FIRST-0001";
    private const string AmendReceipt = "FAULT-AMEND-0002";

    [Fact]
    public async Task A_fault_at_any_storage_call_of_a_submission_and_its_amendment_answers_503_and_the_resubmission_converges_to_the_fault_free_state()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        var reference = await PlayAsync(world, 0, StorageFault.ServerBusy);
        Assert.True(reference.Calls.Count >= 6, string.Join("\n", reference.Calls));
        output.WriteLine($"fault-free: {reference.Calls.Count} storage calls\n{string.Join("\n", reference.Calls)}");

        var swept = 0;
        foreach (var kind in Enum.GetValues<StorageFault>())
        {
            for (var n = 1; n <= reference.Calls.Count; n++)
            {
                var run = await PlayAsync(world, n, kind);
                Assert.True(run.Injected is not null, $"{kind} at call {n}: no fault injected");
                Assert.True(reference.Snapshot.Difference(run.Snapshot).Count == 0, $"{kind} at {run.Injected}: final state differs\n{string.Join('\n', reference.Snapshot.Difference(run.Snapshot))}");
                swept++;
            }
        }

        output.WriteLine($"{swept} faulty runs converged ({Enum.GetValues<StorageFault>().Length} kinds × {reference.Calls.Count} calls)");
    }

    [Fact]
    public async Task A_storage_fault_during_the_form_answers_503_with_the_values_and_the_receipt_kept_and_sending_it_again_records_once()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        var policy = StorageFaultPolicy.For(azurite);
        await using var host = Host(world, new FakeTimeProvider(SubmissionWorld.Start), policy);
        var form = world.Form(("criteria.conduct", "21"));

        policy.Arm(1, StorageFault.Timeout, c => c.Service == StorageService.Table && c.Method == "POST");
        var failed = await host.SendAsync(HttpMethod.Post, "/api/form", new FormUrlEncodedContent(form));
        policy.Disarm();
        var again = await host.SendAsync(HttpMethod.Post, "/api/form", new FormUrlEncodedContent(form));

        Assert.True(failed.Status == HttpStatusCode.ServiceUnavailable, failed.ToString());
        Assert.Equal(StorageOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), failed.Headers.RetryAfter.ToString());
        Assert.Contains("Vui lòng gửi lại sau ít phút", failed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("hãy sửa các ô", failed.Body, StringComparison.Ordinal);
        Assert.Contains("value=\"21\"", failed.Body, StringComparison.Ordinal);
        Assert.Contains($"value=\"{form["receiptId"]}\"", failed.Body, StringComparison.Ordinal);
        Assert.True(again.Status == HttpStatusCode.OK, again.ToString());
        var stored = await host.Services.GetRequiredService<PartyFunctions.Submissions.IScoreStore>().GetAsync(
            SubmissionWorld.Superior, SubmissionWorld.Cell, new PartyFunctions.Submissions.ScorePeriod(2025, 11), default);
        Assert.Equal((1, form["receiptId"]), (stored!.Record.Version, stored.Record.ReceiptId));
    }

    [Fact]
    public async Task The_JSON_API_answers_a_storage_outage_with_problem_details_in_the_requested_language_never_500()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        var policy = StorageFaultPolicy.For(azurite);
        await using var host = Host(world, new FakeTimeProvider(SubmissionWorld.Start), policy);

        policy.Arm(1, StorageFault.InternalError, c => c.Service == StorageService.Blob && c.Method == "PUT");
        var response = await host.SendAsync(HttpMethod.Post, "/api/scores?lang=en", JsonContent.Create(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, receiptId: FirstReceipt)));

        Assert.True(response.Status == HttpStatusCode.ServiceUnavailable, response.ToString());
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal("30", response.Headers.RetryAfter.ToString());
        var problem = response.Json<System.Text.Json.JsonElement>();
        Assert.Equal((503, "storage-unavailable"), (problem.GetProperty("status").GetInt32(), problem.GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Contains("Please send it again", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fault_at_any_storage_call_of_the_superiors_confirmation_answers_503_and_sending_it_again_converges()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        var reference = await ConfirmAsync(world, 0, StorageFault.ServerBusy);
        output.WriteLine($"fault-free: {reference.Calls.Count} storage calls\n{string.Join("\n", reference.Calls)}");

        foreach (var kind in Enum.GetValues<StorageFault>())
        {
            for (var n = 1; n <= reference.Calls.Count; n++)
            {
                var run = await ConfirmAsync(world, n, kind);
                Assert.True(run.Injected is not null, $"{kind} at call {n}: no fault injected");
                Assert.True(reference.Snapshot.Difference(run.Snapshot).Count == 0, $"{kind} at {run.Injected}: final state differs\n{string.Join('\n', reference.Snapshot.Difference(run.Snapshot))}");
            }
        }

        output.WriteLine($"{Enum.GetValues<StorageFault>().Length * reference.Calls.Count} faulty confirmations converged");
    }

    /// <summary>The cell submits (no fault), then the superior corrects it through the signed link, sent again while it gets 503.</summary>
    private async Task<Run> ConfirmAsync(SubmissionWorld world, int failAt, StorageFault kind)
    {
        var clock = new FakeTimeProvider(SubmissionWorld.Start);
        var policy = StorageFaultPolicy.For(azurite);
        await using var host = await StartRunAsync(world, clock, policy);
        var prefix = Prefix(world);
        var submitted = await host.SendAsync(HttpMethod.Post, "/api/scores", JsonContent.Create(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, receiptId: FirstReceipt)));
        Assert.Equal(HttpStatusCode.Created, submitted.Status);
        clock.Advance(TimeSpan.FromHours(1));
        var link = host.Services.GetRequiredService<PartyFunctions.Access.LinkSigner>().Sign(
            new PartyFunctions.Access.SignedLink("confirm", SubmissionWorld.Superior, clock.GetUtcNow().AddDays(30), "binh@tumai.dang.vn"));
        var form = new Dictionary<string, string>
        {
            ["link"] = link, ["version"] = "1", ["receiptId"] = "FAULT-CONFIRM-0003", ["confirmerName"] = "Trần Thị Bình", ["reason"] = "Biên bản thiếu chữ ký",
            ["criteria.preparation"] = "15", ["criteria.attendance"] = "15", ["criteria.duration"] = "5", ["criteria.conduct"] = "5",
            ["criteria.principles"] = "5", ["criteria.results"] = "23", ["criteria.closing"] = "10",
        };

        policy.Arm(failAt, kind);
        for (var attempt = 1; ; attempt++)
        {
            var response = await host.SendAsync(HttpMethod.Post, $"/api/confirm/{SubmissionWorld.Cell}/2025-11", new FormUrlEncodedContent(form));
            await AssertNoScoreWithoutArchiveAsync(host, prefix, $"{kind} at {policy.Injected}");
            if (response.Status == HttpStatusCode.OK)
            {
                break;
            }

            Assert.True(response.Status == HttpStatusCode.ServiceUnavailable && attempt == 1 && policy.Injected is not null,
                $"{kind} at {policy.Injected}, confirmation attempt {attempt}: {response}");
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        policy.Disarm();
        var stored = await host.Services.GetRequiredService<PartyFunctions.Submissions.IScoreStore>().GetAsync(
            SubmissionWorld.Superior, SubmissionWorld.Cell, new PartyFunctions.Submissions.ScorePeriod(2025, 11), default);
        Assert.Equal((2, "FAULT-CONFIRM-0003", 78m), (stored!.Record.Version, stored.Record.ReceiptId, stored.Record.Confirmation!.Total));
        var snapshot = await StorageSnapshot.OfAsync(host.HostStorage, [prefix + StorageNames.ScoresTable],
            [prefix.ToLowerInvariant() + StorageNames.ArchiveContainer], [StorageNames.ScoreEventsQueue]);
        return new Run(policy.Calls, policy.Injected, snapshot);
    }

    private sealed record Run(IReadOnlyList<StorageCall> Calls, StorageCall? Injected, StorageSnapshot Snapshot);

    /// <summary>The first submission, then an hour later the amendment, each sent again after a minute while it gets 503.</summary>
    private async Task<Run> PlayAsync(SubmissionWorld world, int failAt, StorageFault kind)
    {
        var clock = new FakeTimeProvider(SubmissionWorld.Start);
        var policy = StorageFaultPolicy.For(azurite);
        await using var host = await StartRunAsync(world, clock, policy);
        var prefix = Prefix(world);

        policy.Arm(failAt, kind);
        foreach (var (receipt, conduct) in new[] { (FirstReceipt, 22m), (AmendReceipt, 10m) })
        {
            for (var attempt = 1; ; attempt++)
            {
                var response = await host.SendAsync(HttpMethod.Post, "/api/scores",
                    JsonContent.Create(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, receiptId: receipt, conduct: conduct)));
                await AssertNoScoreWithoutArchiveAsync(host, prefix, $"{kind} at {policy.Injected}");
                if (response.Status is HttpStatusCode.OK or HttpStatusCode.Created)
                {
                    break;
                }

                Assert.True(response.Status == HttpStatusCode.ServiceUnavailable && attempt == 1 && policy.Injected is not null,
                    $"{kind} at {policy.Injected}, {receipt} attempt {attempt}: {response}");
                Assert.Equal("30", response.Headers.RetryAfter.ToString());
                clock.Advance(TimeSpan.FromMinutes(1));
            }

            clock.Advance(TimeSpan.FromHours(1));
        }

        policy.Disarm();
        // Every answered submission survives: the month holds the amendment, and both requests are archived.
        var stored = await host.Services.GetRequiredService<PartyFunctions.Submissions.IScoreStore>().GetAsync(
            SubmissionWorld.Superior, SubmissionWorld.Cell, new PartyFunctions.Submissions.ScorePeriod(2025, 11), default);
        Assert.Equal((2, AmendReceipt), (stored!.Record.Version, stored.Record.ReceiptId));
        var snapshot = await StorageSnapshot.OfAsync(host.HostStorage, [prefix + StorageNames.ScoresTable],
            [prefix.ToLowerInvariant() + StorageNames.ArchiveContainer], [StorageNames.ScoreEventsQueue]);
        return new Run(policy.Calls, policy.Injected, snapshot);
    }

    /// <summary>docs/storage-schema.md: the request is archived before its score is written, so no score lacks its archive.</summary>
    private static async Task AssertNoScoreWithoutArchiveAsync(FunctionHost host, string prefix, string context)
    {
        var scores = host.HostStorage.Tables.GetTableClient(prefix + StorageNames.ScoresTable);
        var archive = host.HostStorage.Blobs.GetBlobContainerClient(prefix.ToLowerInvariant() + StorageNames.ArchiveContainer);
        if (!await archive.ExistsAsync())
        {
            await foreach (var _ in QueryOrEmpty(scores))
            {
                Assert.Fail($"{context}: a score without any archive");
            }

            return;
        }

        await foreach (var score in QueryOrEmpty(scores))
        {
            // The version's request: a cell's submission, or the superior's confirmation once confirmed.
            var kind = score.ContainsKey("ConfirmedAt") ? "confirmations" : "submissions";
            var name = $"{kind}/{score.GetString("UnitId")}/{score.GetInt32("Year"):0000}-{score.GetInt32("Month"):00}/{score.GetString("ReceiptId")}.json";
            Assert.True(await archive.GetBlobClient(name).ExistsAsync(), $"{context}: score {score.RowKey} has no archived request {name}");
        }
    }

    private static async IAsyncEnumerable<Azure.Data.Tables.TableEntity> QueryOrEmpty(Azure.Data.Tables.TableClient table)
    {
        var items = new List<Azure.Data.Tables.TableEntity>();
        try
        {
            await foreach (var entity in table.QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                items.Add(entity);
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The table is created with the first write; before it there is nothing to check.
        }

        foreach (var item in items)
        {
            yield return item;
        }
    }

    /// <summary>The app over the world's storage (registry and codes included) with the fault policy.</summary>
    private static FunctionHost Host(SubmissionWorld world, FakeTimeProvider clock, StorageFaultPolicy policy) =>
        FunctionHost.Create(world.Host.Configuration, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(policy.Registration);
        });

    private static string Prefix(SubmissionWorld world) => world.Host.Configuration[StorageNamespace.PrefixSetting] ?? string.Empty;

    /// <summary>A sweep's run starts from the world as created (no score, nothing archived, no event; registry and codes stay).</summary>
    private static async Task<FunctionHost> StartRunAsync(SubmissionWorld world, FakeTimeProvider clock, StorageFaultPolicy policy)
    {
        var prefix = Prefix(world);
        var scores = world.Host.HostStorage.Tables.GetTableClient(prefix + StorageNames.ScoresTable);
        await foreach (var row in QueryOrEmpty(scores))
        {
            await scores.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        var archive = world.Host.HostStorage.Blobs.GetBlobContainerClient(prefix.ToLowerInvariant() + StorageNames.ArchiveContainer);
        if (await archive.ExistsAsync())
        {
            await foreach (var blob in archive.GetBlobsAsync())
            {
                await archive.DeleteBlobAsync(blob.Name);
            }
        }

        var host = Host(world, clock, policy);
        var events = host.HostStorage.Queues.GetQueueClient(StorageNames.ScoreEventsQueue);
        await events.CreateIfNotExistsAsync();
        await events.ClearMessagesAsync();
        return host;
    }
}
