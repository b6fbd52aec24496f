using Azure.Storage.Blobs.Models;
using PartyFunctions.Remediation;

namespace PartyFunctions.Infrastructure.Remediation;

/// <summary>Evidence as blobs <c>evidence/{unitId}/{rule}-{period}/{itemId}/{sha256}.{ext}</c>, with the content type the bytes showed.</summary>
public sealed class BlobEvidenceStore(RemediationTables tables) : IEvidenceStore
{
    public async Task SaveAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var container = await tables.EvidenceAsync();
        // Named by the content's hash: overwriting writes the same bytes, so a retried upload is harmless.
        await container.GetBlobClient(blobName).UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        var container = await tables.EvidenceAsync();
        try
        {
            return (await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
