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
    public async Task Of_two_claims_on_the_same_read_one_wins_a_fresh_claim_stops_another_completion_and_a_stale_one_is_taken_over()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var runs = host.Services.GetRequiredService<IClassificationRunStore>();
        var completion = host.Services.GetRequiredService<CompleteClassificationRun>();
        var now = DateTimeOffset.UtcNow;
        var (stored, _) = await runs.AddRunAsync(new ClassificationRun("annual-2031", 2031, 12, "vn-2025", 1, now), default);
        await runs.AddShardsAsync("annual-2031", ["Q.G1"], default);
        await runs.MoveShardAsync(new ShardState("annual-2031", "Q.G1", ShardStatus.Done, 0, now), default);

        var claims = await Task.WhenAll(runs.TryClaimCompletionAsync(stored, now, default), runs.TryClaimCompletionAsync(stored, now, default));
        Assert.Single(claims, c => c is not null);

        Assert.False(await completion.RunAsync("annual-2031", default));
        Assert.False((await runs.GetRunAsync("annual-2031", default))!.Run.IsCompleted);

        var current = (await runs.GetRunAsync("annual-2031", default))!;
        Assert.NotNull(await runs.TryClaimCompletionAsync(current, now - CompleteClassificationRun.ClaimLease - TimeSpan.FromMinutes(1), default));
        Assert.True(await completion.RunAsync("annual-2031", default));
        Assert.True((await runs.GetRunAsync("annual-2031", default))!.Run.IsCompleted);
    }
}
