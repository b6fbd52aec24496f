using Azure.Data.Tables;

namespace PartyFunctions.Infrastructure.Organisation;

/// <summary>
/// Entity group transactions as Table Storage allows them: one partition and at most 100 actions each (Azurite
/// enforces neither, so this code must). Units are about 1 KB, far below the 4 MB limit of a batch.
/// </summary>
public static class TableBatches
{
    public const int MaxActions = 100;

    public static IEnumerable<IReadOnlyList<TableTransactionAction>> Split(IEnumerable<TableTransactionAction> actions) =>
        actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxActions));

    /// <summary>The batches side by side, 8 at a time: each touches its own entities, so their order does not matter.</summary>
    public static async Task SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(Split(actions), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (batch, ct) => await table.SubmitTransactionAsync(batch, ct));
}
