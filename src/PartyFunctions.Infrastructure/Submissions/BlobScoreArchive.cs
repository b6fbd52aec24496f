using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using PartyFunctions.Submissions;

namespace PartyFunctions.Infrastructure.Submissions;

/// <summary>
/// The archive container: <c>{kind}s/{unitId}/{yyyy-MM}/{receiptId}.json</c>, written with If-None-Match: * so an
/// entry is never replaced. The time it was received is kept in the blob's metadata, to answer a repeated receipt.
/// </summary>
public sealed class BlobScoreArchive(ScoreTables tables) : IScoreArchive
{
    private const string ReceivedAtKey = "receivedat";
    private static readonly string[] Kinds = ["submission", "confirmation"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ArchiveWrite> AppendAsync(ArchiveEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var container = await tables.ArchiveAsync();
        var blob = container.GetBlobClient($"{entry.Kind}s/{entry.UnitId}/{entry.Period}/{entry.ReceiptId}.json");
        try
        {
            await blob.UploadAsync(BinaryData.FromObjectAsJson(entry, Json), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = new Dictionary<string, string> { [ReceivedAtKey] = entry.ReceivedAt.ToString("O", CultureInfo.InvariantCulture) },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            }, cancellationToken);
            return new ArchiveWrite(true, entry.ReceivedAt);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            var archivedAt = properties.Value.Metadata.TryGetValue(ReceivedAtKey, out var text)
                ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : properties.Value.CreatedOn;
            return new ArchiveWrite(false, archivedAt);
        }
    }

    public async Task<IReadOnlyList<ArchiveEntry>> ReadAsync(string unitId, ScorePeriod? period, CancellationToken cancellationToken)
    {
        var container = await tables.ArchiveAsync();
        var entries = new List<ArchiveEntry>();
        foreach (var kind in Kinds)
        {
            var prefix = period is { } month ? $"{kind}s/{unitId}/{month}/" : $"{kind}s/{unitId}/";
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
            {
                var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
                entries.Add(content.Value.Content.ToObjectFromJson<ArchiveEntry>(Json)
                    ?? throw new InvalidDataException($"Archive entry {item.Name} is empty."));
            }
        }

        return entries;
    }
}
