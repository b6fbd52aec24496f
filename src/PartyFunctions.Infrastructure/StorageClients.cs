using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace PartyFunctions;

/// <summary>
/// The storage account the app uses, read the way the Functions host reads its own connection:
/// either a connection string in <c>AzureWebJobsStorage</c> (Azurite locally) or the identity-based
/// form <c>AzureWebJobsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>
/// with an optional <c>__clientId</c> for a user-assigned managed identity (Azure).
/// </summary>
public sealed class StorageClients
{
    public const string ConnectionName = "AzureWebJobsStorage";

    public StorageClients(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues)
    {
        Tables = tables;
        Blobs = blobs;
        Queues = queues;
    }

    public TableServiceClient Tables { get; }
    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }

    /// <summary>
    /// Empties the app's queues (created when missing). Their names are fixed, as the host binds them, and not in a
    /// storage namespace: a local demo or a test run starts them empty so it never inherits an earlier run's messages.
    /// </summary>
    public async Task EmptyAppQueuesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var name in Configuration.StorageNames.Queues)
        {
            var queue = Queues.GetQueueClient(name);
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await queue.ClearMessagesAsync(cancellationToken);
        }
    }

    public static StorageClients FromConfiguration(IConfiguration configuration) => FromConfiguration(configuration, []);

    public static StorageClients FromConfiguration(IConfiguration configuration, IEnumerable<StoragePipelinePolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(policies);
        var tableOptions = new TableClientOptions();
        var blobOptions = new BlobClientOptions();
        // Queue messages are base64, as the Functions host reads and writes them.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        foreach (var policy in policies)
        {
            foreach (var options in new ClientOptions[] { tableOptions, blobOptions, queueOptions })
            {
                options.AddPolicy(policy.Policy, policy.Position);
            }
        }

        var connectionString = configuration[ConnectionName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageClients(
                new TableServiceClient(connectionString, tableOptions),
                new BlobServiceClient(connectionString, blobOptions),
                new QueueServiceClient(connectionString, queueOptions));
        }

        var section = configuration.GetSection(ConnectionName);
        var credential = CreateCredential(section["clientId"]);
        return new StorageClients(
            new TableServiceClient(RequiredUri(section, "tableServiceUri"), credential, tableOptions),
            new BlobServiceClient(RequiredUri(section, "blobServiceUri"), credential, blobOptions),
            new QueueServiceClient(RequiredUri(section, "queueServiceUri"), credential, queueOptions));
    }

    private static TokenCredential CreateCredential(string? clientId) =>
        string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));

    private static Uri RequiredUri(IConfiguration section, string key) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Storage is not configured: set {ConnectionName} to a connection string, or {ConnectionName}__{key} to the service URI.");
}
