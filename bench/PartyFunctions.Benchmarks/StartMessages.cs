using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.AnnualRun;
using PartyFunctions.Organisation;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// The shard messages as the run's start sends them (each committee's path and cell count, from the registry it reads
/// once), read before a variant's clock starts: the benches measure the shards and the completion, not the start.
/// </summary>
internal static class StartMessages
{
    public static async Task<Func<string, string, int, ShardMessage>> ReadAsync(IServiceProvider services)
    {
        var registry = await services.GetRequiredService<IUnitStore>().GetAllAsync(default);
        var paths = registry.ToDictionary(u => u.Id, u => u.Path, StringComparer.Ordinal);
        var cells = registry.Where(u => u.Kind == UnitKind.Cell && u.ParentId is not null)
            .CountBy(u => u.ParentId!, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        return (runId, superiorId, year) => new ShardMessage(runId, year, superiorId, paths.GetValueOrDefault(superiorId), cells.GetValueOrDefault(superiorId));
    }
}
