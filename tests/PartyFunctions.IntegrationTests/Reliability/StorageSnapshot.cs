using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;

namespace PartyFunctions.IntegrationTests.Reliability;

/// <summary>
/// Everything a function could have changed, as sorted lines: every table row with its content (not the server's
/// Timestamp and ETag, which any identical rewrite changes), every blob with a hash of its content and its metadata,
/// every queue's distinct visible messages, and every email sent (each one, so a second identical email shows). The
/// whole account, so a write to a place no test thought of is seen too.
/// Queues are compared by distinct message, not by count: the app queues a digest again when it writes it again
/// (AnnounceAnnualReports, OpenAlerts: a crash between the two must not lose the email) and the sender sends a digest
/// once however often it is queued — the <c>SendDigest</c> case delivers such a repeat and checks that no email follows.
/// <c>restamped</c> names columns (<c>Table.Column</c>, table without its test prefix) whose value a
/// redelivery may rewrite with the current time; each case says which and why.
/// </summary>
internal sealed record StorageSnapshot(IReadOnlyList<string> Lines)
{
    private static readonly HashSet<string> ServerColumns = ["odata.etag", "Timestamp", "PartitionKey", "RowKey"];

    public static async Task<StorageSnapshot> TakeAsync(StorageClients clients, IEnumerable<string> emails, IReadOnlySet<string> restamped)
    {
        var lines = new List<string>();
        await foreach (var table in clients.Tables.QueryAsync())
        {
            await foreach (var row in clients.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>(maxPerPage: 1000))
            {
                var columns = row.Where(c => !ServerColumns.Contains(c.Key) && !restamped.Any(r => r == $"{Unprefixed(table.Name)}.{c.Key}")).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={Text(c.Value)}");
                lines.Add($"table {table.Name} [{row.PartitionKey}] [{row.RowKey}] {string.Join(' ', columns)}");
            }
        }

        await foreach (var container in clients.Blobs.GetBlobContainersAsync())
        {
            var client = clients.Blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }))
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                var metadata = blob.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}");
                lines.Add($"blob {container.Name}/{blob.Name} sha256={Convert.ToHexString(SHA256.HashData(content))} {string.Join(' ', metadata)}");
            }
        }

        await foreach (var queue in clients.Queues.GetQueuesAsync())
        {
            var client = clients.Queues.GetQueueClient(queue.Name);
            lines.Add($"queue {queue.Name} empty={(await client.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0}");
            lines.AddRange((await client.PeekMessagesAsync(32)).Value.Select(m => $"queue {queue.Name} message {m.Body}").Distinct(StringComparer.Ordinal));
        }

        lines.AddRange(emails.Select(e => "email " + e));
        lines.Sort(StringComparer.Ordinal);
        return new StorageSnapshot(lines);
    }

    /// <summary>The lines one snapshot has more often than the other, both ways (a repeated email counts), for a failure message.</summary>
    public IReadOnlyList<string> Difference(StorageSnapshot later)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in Lines)
        {
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }

        foreach (var line in later.Lines)
        {
            counts[line] = counts.GetValueOrDefault(line) - 1;
        }

        return [.. counts.Where(c => c.Value != 0).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => $"{(c.Value > 0 ? "-" : "+")}{Math.Abs(c.Value)} {c.Key}")];
    }

    /// <summary>Test tables carry a lower-case prefix (TestSettings); app tables start with a capital.</summary>
    private static string Unprefixed(string table)
    {
        var start = table.TakeWhile(c => !char.IsUpper(c)).Count();
        return table[start..];
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
