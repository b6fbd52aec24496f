using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PartyFunctions.Configuration;
using PartyFunctions.Notifications;

namespace PartyFunctions.Infrastructure.Notifications;

/// <summary>
/// The outbox in Blob Storage: one JSON blob per digest (<c>outbox/{runId}/{recipientKey}.json</c>, no size
/// limit worth worrying about) with its delivery state in the blob's metadata, updated under an ETag
/// condition so that two deliveries of one message cannot both record themselves.
/// </summary>
public sealed class BlobOutbox(StorageNamespace storage) : IOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<bool> AddAsync(Digest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var blob = await BlobAsync(digest.Id);
        try
        {
            await blob.UploadAsync(
                BinaryData.FromObjectAsJson(digest, Json),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    Metadata = Metadata(DigestDelivery.Pending),
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<OutboxEntry?> GetAsync(DigestId id, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(id);
        try
        {
            var content = (await blob.DownloadContentAsync(cancellationToken)).Value;
            var digest = content.Content.ToObjectFromJson<Digest>(Json)
                ?? throw new InvalidDataException($"Outbox blob {blob.Name} is empty.");
            return new OutboxEntry(digest, Delivery(content.Details.Metadata), content.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<OutboxEntry?> TryUpdateAsync(OutboxEntry entry, DigestDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var blob = await BlobAsync(entry.Digest.Id);
        try
        {
            var info = await blob.SetMetadataAsync(Metadata(delivery), new BlobRequestConditions { IfMatch = new ETag(entry.ETag) }, cancellationToken);
            return entry with { Delivery = delivery, ETag = info.Value.ETag.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return null;
        }
    }

    private async Task<BlobClient> BlobAsync(DigestId id) =>
        (await storage.ContainerAsync(StorageNames.OutboxContainer)).GetBlobClient($"{id.RunId}/{id.RecipientKey}.json");

    private static Dictionary<string, string> Metadata(DigestDelivery delivery)
    {
        var metadata = new Dictionary<string, string>
        {
            ["status"] = delivery.Status.ToString(),
            ["alerted"] = delivery.AdministratorsAlerted ? "true" : "false",
        };
        if (delivery.MessageId is { } messageId)
        {
            metadata["messageid"] = Ascii(messageId);
        }

        if (delivery.At is { } at)
        {
            metadata["at"] = at.ToString("O", CultureInfo.InvariantCulture);
        }

        if (delivery.Claim is { } claim)
        {
            metadata["claim"] = Ascii(claim);
        }

        if (delivery.FailureReason is { } reason)
        {
            metadata["reason"] = Ascii(reason);
        }

        return metadata;
    }

    private static DigestDelivery Delivery(IDictionary<string, string> metadata) =>
        new(
            Enum.Parse<DeliveryStatus>(metadata.TryGetValue("status", out var status) ? status : nameof(DeliveryStatus.Pending)),
            metadata.TryGetValue("messageid", out var messageId) ? messageId : null,
            metadata.TryGetValue("at", out var at) ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : null,
            metadata.TryGetValue("reason", out var reason) ? reason : null,
            metadata.TryGetValue("alerted", out var alerted) && alerted == "true",
            metadata.TryGetValue("claim", out var claim) ? claim : null);

    /// <summary>Blob metadata is ASCII header text: anything else becomes '?', and it stays short.</summary>
    private static string Ascii(string value)
    {
        var text = new StringBuilder(Math.Min(value.Length, 256));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, 256)))
        {
            text.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return text.ToString();
    }
}
