using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PartyFunctions.Configuration;

namespace PartyFunctions.Storage.Submissions;

/// <summary>
/// The scores table and the submissions archive container, created on first use. Names carry an optional prefix
/// (setting <c>Submissions:TablePrefix</c>; the container takes it in lower case) so tests sharing one Azurite keep apart.
/// </summary>
public sealed partial class ScoreTables
{
    public const string PrefixSetting = "Submissions:TablePrefix";

    private readonly CreatedOnFirstUse<TableClient> scores;
    private readonly CreatedOnFirstUse<BlobContainerClient> archive;

    private ScoreTables(StorageClients clients, string prefix)
    {
        scores = new(async () =>
        {
            var table = clients.Tables.GetTableClient(prefix + StorageNames.ScoresTable);
            await table.CreateIfNotExistsAsync();
            return table;
        });
        archive = new(async () =>
        {
            var container = clients.Blobs.GetBlobContainerClient(prefix.ToLowerInvariant() + StorageNames.ArchiveContainer);
            await container.CreateIfNotExistsAsync();
            return container;
        });
    }

    public static ScoreTables Create(StorageClients clients, string? prefix)
    {
        prefix ??= string.Empty;
        return prefix.Length == 0 || ValidPrefix().IsMatch(prefix)
            ? new ScoreTables(clients, prefix)
            : throw new InvalidOperationException($"{PrefixSetting} must be letters and digits, starting with a letter (got \"{prefix}\").");
    }

    public Task<TableClient> ScoresAsync() => scores.Value;

    public Task<BlobContainerClient> ArchiveAsync() => archive.Value;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,29}$")]
    private static partial Regex ValidPrefix();
}
