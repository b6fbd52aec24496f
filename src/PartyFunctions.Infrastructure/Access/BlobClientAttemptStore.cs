using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using PartyFunctions.Access;
using PartyFunctions.Configuration;

namespace PartyFunctions.Infrastructure.Access;

/// <summary>
/// Each client's recent wrong codes as one small blob in <c>signin-clients</c>, named by the client's keyed hash and
/// written under its ETag. A blob rather than a table row so that the platform forgets clients: the storage account's
/// lifecycle rule (infra/modules/storage.bicep) deletes blobs a day after their last write, and a client whose failures
/// are all given back is deleted at once.
/// </summary>
public sealed class BlobClientAttemptStore(StorageNamespace storage) : IClientAttemptStore
{
    public async Task<(FailedAttempts Attempts, string? Version)> GetAsync(string client, CancellationToken cancellationToken)
    {
        var blob = (await storage.ContainerAsync(StorageNames.SignInClientsContainer, cancellationToken)).GetBlobClient(client);
        try
        {
            var content = (await blob.DownloadContentAsync(cancellationToken)).Value;
            var failures = content.Content.ToString()
                .Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(ms => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(ms, CultureInfo.InvariantCulture)))
                .ToList();
            return (new FailedAttempts(failures), content.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (FailedAttempts.None, null);
        }
    }

    public async Task<string?> TrySaveAsync(string client, FailedAttempts attempts, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var blob = (await storage.ContainerAsync(StorageNames.SignInClientsContainer, cancellationToken)).GetBlobClient(client);
        try
        {
            if (attempts.IsClear && version is not null)
            {
                await blob.DeleteAsync(DeleteSnapshotsOption.None, new BlobRequestConditions { IfMatch = new ETag(version) }, cancellationToken);
                return string.Empty;
            }

            var text = string.Join(',', attempts.Failures.Select(f => f.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
            var saved = await blob.UploadAsync(BinaryData.FromString(text), new BlobUploadOptions
            {
                Conditions = version is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(version) },
            }, cancellationToken);
            return saved.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return null;
        }
    }
}
