using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace PartyFunctions;

/// <summary>
/// The app's tables, containers and queues in its storage account, each created on first use. Every name carries one optional
/// prefix (setting <c>Storage:NamePrefix</c>; containers take it in lower case) so that tests, or two deployments
/// sharing an account, keep apart. A failed creation is forgotten (<see cref="CreatedOnFirstUse{T}"/>), so a transient fault does not stick.
/// </summary>
public sealed partial class StorageNamespace
{
    public const string PrefixSetting = "Storage:NamePrefix";

    private readonly StorageClients clients;
    private readonly string prefix;
    private readonly ConcurrentDictionary<string, CreatedOnFirstUse<TableClient>> tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CreatedOnFirstUse<BlobContainerClient>> containers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CreatedOnFirstUse<QueueClient>> queues = new(StringComparer.Ordinal);

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

    // The creation is shared by every caller and cancelled by none of them; each caller may stop waiting for it.
    public Task<TableClient> TableAsync(string name, CancellationToken cancellationToken = default) =>
        tables.GetOrAdd(name, _ => new(async () =>
        {
            var table = clients.Tables.GetTableClient(prefix + name);
            await table.CreateIfNotExistsAsync(CancellationToken.None);
            return table;
        })).Value.WaitAsync(cancellationToken);

    public Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken = default) =>
        containers.GetOrAdd(name, _ => new(async () =>
        {
            var container = clients.Blobs.GetBlobContainerClient(prefix.ToLowerInvariant() + name);
            await container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return container;
        })).Value.WaitAsync(cancellationToken);

    /// <summary>A queue by its own name, without the prefix: the Functions host's triggers bind queues by fixed name.</summary>
    public Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken = default) =>
        queues.GetOrAdd(name, _ => new(async () =>
        {
            var queue = clients.Queues.GetQueueClient(name);
            await queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return queue;
        })).Value.WaitAsync(cancellationToken);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,29}$")]
    private static partial Regex ValidPrefix();
}
