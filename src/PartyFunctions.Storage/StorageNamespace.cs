using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace PartyFunctions;

/// <summary>
/// The app's tables and containers in its storage account, each created on first use. Every name carries one optional
/// prefix (setting <c>Storage:NamePrefix</c>; containers take it in lower case) so that tests, or two deployments
/// sharing an account, keep apart. A failed creation is forgotten, so a transient fault does not stick.
/// </summary>
public sealed partial class StorageNamespace
{
    public const string PrefixSetting = "Storage:NamePrefix";

    private readonly StorageClients clients;
    private readonly string prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> containers = new(StringComparer.Ordinal);

    private StorageNamespace(StorageClients clients, string prefix)
    {
        this.clients = clients;
        this.prefix = prefix;
    }

    public static StorageNamespace Create(StorageClients clients, string? prefix)
    {
        ArgumentNullException.ThrowIfNull(clients);
        prefix ??= string.Empty;
        return prefix.Length == 0 || ValidPrefix().IsMatch(prefix)
            ? new StorageNamespace(clients, prefix)
            : throw new InvalidOperationException($"{PrefixSetting} must be letters and digits, starting with a letter (got \"{prefix}\").");
    }

    public Task<TableClient> TableAsync(string name, CancellationToken cancellationToken = default) =>
        CreatedAsync(tables, name, async () =>
        {
            var table = clients.Tables.GetTableClient(prefix + name);
            await table.CreateIfNotExistsAsync(CancellationToken.None);
            return table;
        }, cancellationToken);

    public Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken = default) =>
        CreatedAsync(containers, name, async () =>
        {
            var container = clients.Blobs.GetBlobContainerClient(prefix.ToLowerInvariant() + name);
            await container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return container;
        }, cancellationToken);

    private static async Task<T> CreatedAsync<T>(
        ConcurrentDictionary<string, Lazy<Task<T>>> created, string name, Func<Task<T>> create, CancellationToken cancellationToken)
    {
        // The creation is shared by every caller and not cancelled by any one of them; each caller may stop waiting.
        var lazy = created.GetOrAdd(name, _ => new Lazy<Task<T>>(create));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            // Only a failed creation is forgotten (the next caller tries again), not a caller that stopped waiting.
            created.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(name, lazy));
            throw;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,29}$")]
    private static partial Regex ValidPrefix();
}
