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

    public static StorageClients FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Queue messages are base64, as the Functions host reads and writes them.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var connectionString = configuration[ConnectionName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageClients(
                new TableServiceClient(connectionString),
                new BlobServiceClient(connectionString),
                new QueueServiceClient(connectionString, queueOptions));
        }

        var section = configuration.GetSection(ConnectionName);
        var credential = CreateCredential(section["clientId"]);
        return new StorageClients(
            new TableServiceClient(RequiredUri(section, "tableServiceUri"), credential),
            new BlobServiceClient(RequiredUri(section, "blobServiceUri"), credential),
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
