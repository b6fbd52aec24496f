using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PartyFunctions.Configuration;

namespace PartyFunctions.Storage.Organisation;

/// <summary>
/// The tables and container of the registry and access codes, created on first use. Names carry an optional
/// prefix (setting <c>Organisation:TablePrefix</c>) so that tests, or two deployments sharing an account, keep apart.
/// </summary>
public sealed partial class OrganisationTables(StorageClients clients, string prefix)
{
    public const string PrefixSetting = "Organisation:TablePrefix";

    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tables = new(StringComparer.Ordinal);
    private readonly Lazy<Task<BlobContainerClient>> imports = new(async () =>
    {
        var container = clients.Blobs.GetBlobContainerClient(prefix.ToLowerInvariant() + StorageNames.ImportsContainer);
        await container.CreateIfNotExistsAsync();
        return container;
    });

    public static OrganisationTables Create(StorageClients clients, string? prefix)
    {
        prefix ??= string.Empty;
        return prefix.Length == 0 || ValidPrefix().IsMatch(prefix)
            ? new OrganisationTables(clients, prefix)
            : throw new InvalidOperationException($"{PrefixSetting} must be letters and digits, starting with a letter (got \"{prefix}\").");
    }

    /// <summary>One entity per unit, keyed by id: PK = id, RK = "unit".</summary>
    public Task<TableClient> UnitsAsync(CancellationToken cancellationToken) => TableAsync(StorageNames.UnitsTable, cancellationToken);

    /// <summary>The same units keyed by place: PK = the top unit's id, RK = the materialised path.</summary>
    public Task<TableClient> UnitTreeAsync(CancellationToken cancellationToken) => TableAsync(StorageNames.UnitTreeTable, cancellationToken);

    /// <summary>Per unit: RK "code" (the code's hash) and RK "attempts" (failed attempts and lock).</summary>
    public Task<TableClient> AccessCodesAsync(CancellationToken cancellationToken) => TableAsync(StorageNames.AccessCodesTable, cancellationToken);

    /// <summary>Every import file as received.</summary>
    public Task<BlobContainerClient> ImportsAsync() => imports.Value;

    private async Task<TableClient> TableAsync(string name, CancellationToken cancellationToken)
    {
        var lazy = tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(async () =>
        {
            var table = clients.Tables.GetTableClient(prefix + n);
            await table.CreateIfNotExistsAsync(CancellationToken.None);
            return table;
        }));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception)
        {
            // A transient failure (an error or a timeout) must not stick: the next caller tries to create the table again.
            tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,29}$")]
    private static partial Regex ValidPrefix();
}
