using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.AnnualRun;
using PartyFunctions.Organisation;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// The shard messages as the run's start sends them (<see cref="StartClassificationRun.Messages"/>, from the registry it
/// reads once), read before a variant's clock starts: the benches measure the shards and the completion, not the start.
/// </summary>
internal static class StartMessages
{
    /// <summary>The registry read; then, per run and year, the message of each committee.</summary>
    public static async Task<Func<string, int, Func<string, ShardMessage>>> ReadAsync(IServiceProvider services)
    {
        var registry = await services.GetRequiredService<IUnitStore>().GetAllAsync(default);
        return (runId, year) => StartClassificationRun.Messages(registry, runId, year);
    }
}
