using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.AnnualRun;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.AnnualRun;

/// <summary>
/// Shards that find nothing pending at the same moment (each the last of its counter) must not each complete the run:
/// at national size a completion is tens of thousands of requests. One claims it; a claim its worker left (a crash) is
/// taken over once older than the lease.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CompletionClaimTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Of_two_claims_on_the_same_read_one_wins_and_another_shard_stops_while_the_claiming_shard_completes()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var (runs, completion) = await RunWithNothingPendingAsync(host, "annual-2031");
        var now = DateTimeOffset.UtcNow;
        var stored = (await runs.GetRunAsync("annual-2031", default))!;

        var claims = await Task.WhenAll(
            runs.TryClaimCompletionAsync(stored, new CompletionClaim("Q.G1", now), default),
            runs.TryClaimCompletionAsync(stored, new CompletionClaim("Q.G2", now), default));
        var winner = Assert.Single(claims, c => c is not null)!.Run.Claim!.By;
        var other = winner == "Q.G1" ? "Q.G2" : "Q.G1";

        // Another shard finding nothing pending stops; the claiming shard (its message redelivered after a failure) completes.
        Assert.False(await completion.RunAsync("annual-2031", other, default));
        Assert.False((await runs.GetRunAsync("annual-2031", default))!.Run.IsCompleted);
        Assert.True(await completion.RunAsync("annual-2031", winner, default));
        Assert.True((await runs.GetRunAsync("annual-2031", default))!.Run.IsCompleted);
    }

    [Fact]
    public async Task A_claim_older_than_the_lease_is_taken_over_by_any_shard()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var (runs, completion) = await RunWithNothingPendingAsync(host, "annual-2032");
        var stored = (await runs.GetRunAsync("annual-2032", default))!;
        var longAgo = DateTimeOffset.UtcNow - CompleteClassificationRun.ClaimLease - TimeSpan.FromMinutes(1);
        Assert.NotNull(await runs.TryClaimCompletionAsync(stored, new CompletionClaim("Q.G1", longAgo), default));

        Assert.True(await completion.RunAsync("annual-2032", "Q.G2", default));
        Assert.True((await runs.GetRunAsync("annual-2032", default))!.Run.IsCompleted);
    }

    private static async Task<(IClassificationRunStore Runs, CompleteClassificationRun Completion)> RunWithNothingPendingAsync(FunctionHost host, string runId)
    {
        var runs = host.Services.GetRequiredService<IClassificationRunStore>();
        var now = DateTimeOffset.UtcNow;
        await runs.AddRunAsync(new ClassificationRun(runId, int.Parse(runId[^4..], System.Globalization.CultureInfo.InvariantCulture), 12, "vn-2025", 2, now), default);
        await runs.AddShardsAsync(runId, ["Q.G1", "Q.G2"], default);
        await runs.MoveShardAsync(new ShardState(runId, "Q.G1", ShardStatus.Done, 0, now), default);
        await runs.MoveShardAsync(new ShardState(runId, "Q.G2", ShardStatus.Done, 0, now), default);
        return (runs, host.Services.GetRequiredService<CompleteClassificationRun>());
    }
}
