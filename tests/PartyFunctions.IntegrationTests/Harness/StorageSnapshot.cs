using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PartyFunctions.IntegrationTests.Harness;

/// <summary>
/// What storage holds, as sorted lines, for comparing two states: every table row with its content (not the server's
/// Timestamp and ETag, which any identical rewrite changes), every blob with a hash of its content and its metadata,
/// every queue's distinct visible messages (a message queued again is the same message: the sender sends a digest
/// once however often it is queued; one put back for later, a rate-limit deferral or a copy waiting out another
/// delivery's claim, is not visible yet and not listed), and, when given, every email sent (each one, so a second identical email shows).
/// Two views: <see cref="OfAccountAsync"/>, the whole account as it is (redelivery tests: a write to a place no test
/// thought of is seen too); <see cref="OfAsync"/>, named tables, containers and queues with every time blanked and the
/// test's name prefix removed (fault sweeps: a retry happens later, and that is the only difference allowed).
/// </summary>
internal sealed partial record StorageSnapshot(IReadOnlyList<string> Lines)
{
    private static readonly HashSet<string> ServerColumns = ["odata.etag", "Timestamp", "PartitionKey", "RowKey"];

    /// <summary>
    /// The whole account and <paramref name="emails"/>; <paramref name="contentTimesBlanked"/> hashes blobs with their times
    /// blanked (twin worlds on the real clock). <paramref name="restamped"/> names columns (<c>Table.Column</c>,
    /// table without its test prefix) whose value a repeat may rewrite with the current time; callers say which and why.
    /// </summary>
    public static async Task<StorageSnapshot> OfAccountAsync(
        StorageClients clients, IEnumerable<string> emails, IReadOnlySet<string> restamped, bool contentTimesBlanked = false)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var lines = new List<string>();
        await foreach (var table in clients.Tables.QueryAsync())
        {
            lines.AddRange(await RowsAsync(clients.Tables.GetTableClient(table.Name), table.Name,
                column => restamped.Contains($"{Unprefixed(table.Name)}.{column}")));
        }

        await foreach (var container in clients.Blobs.GetBlobContainersAsync())
        {
            lines.AddRange(await BlobsAsync(clients.Blobs.GetBlobContainerClient(container.Name), container.Name,
                content => contentTimesBlanked ? Time().Replace(content, "<time>") : content));
        }

        await foreach (var queue in clients.Queues.GetQueuesAsync())
        {
            lines.AddRange(await MessagesAsync(clients, queue.Name));
        }

        lines.AddRange(emails.Select(e => "email " + e));
        return new StorageSnapshot(Sorted(lines));
    }

    /// <summary>The named tables, containers and queues (missing ones say so), every time blanked, names without the test prefix.</summary>
    public static async Task<StorageSnapshot> OfAsync(StorageClients clients, IEnumerable<string> tables, IEnumerable<string> containers, IEnumerable<string> queues)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var lines = new List<string>();
        foreach (var name in tables)
        {
            var table = clients.Tables.GetTableClient(name);
            lines.AddRange(await ExistsAsync(table) ? await RowsAsync(table, TestPrefix().Replace(name, ""), _ => false) : [$"table {TestPrefix().Replace(name, "")}: none"]);
        }

        foreach (var name in containers)
        {
            var container = clients.Blobs.GetBlobContainerClient(name);
            if (await container.ExistsAsync())
            {
                lines.AddRange(await BlobsAsync(container, TestPrefix().Replace(name, ""), content => Time().Replace(content, "<time>")));
            }
        }

        foreach (var name in queues)
        {
            if (await clients.Queues.GetQueueClient(name).ExistsAsync())
            {
                lines.AddRange(await MessagesAsync(clients, name));
            }
        }

        return new StorageSnapshot(Sorted(lines.Select(l => Time().Replace(l, "<time>"))));
    }

    /// <summary>The same lines with every date and time blanked: for comparing two worlds whose clocks are not the same.</summary>
    public StorageSnapshot WithoutTimes() => new([.. Lines.Select(l => Time().Replace(l, "<time>"))]);

    /// <summary>The lines one snapshot has more often than the other, both ways (a repeated email counts), for a failure message.</summary>
    public IReadOnlyList<string> Difference(StorageSnapshot later)
    {
        ArgumentNullException.ThrowIfNull(later);
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
            .Select(c => $"{(c.Value > 0 ? "-" : "+")}{Math.Abs(c.Value)} {Cut(c.Key)}")];
    }

    private static async Task<List<string>> RowsAsync(TableClient table, string label, Func<string, bool> skipColumn)
    {
        var lines = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(maxPerPage: 1000))
        {
            var columns = row.Where(c => !ServerColumns.Contains(c.Key) && !skipColumn(c.Key))
                .OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={Text(c.Value)}");
            lines.Add($"table {label} [{row.PartitionKey}] [{row.RowKey}] {string.Join(' ', columns)}");
        }

        return lines;
    }

    private static async Task<List<string>> BlobsAsync(BlobContainerClient container, string label, Func<string, string> normalise)
    {
        var lines = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }))
        {
            var content = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalise(content))));
            var metadata = blob.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}");
            lines.Add($"blob {label}/{blob.Name} sha256={hash} {string.Join(' ', metadata)}");
        }

        return lines;
    }

    private static async Task<IEnumerable<string>> MessagesAsync(StorageClients clients, string name)
    {
        var queue = clients.Queues.GetQueueClient(name);
        var visible = (await queue.PeekMessagesAsync(32)).Value;
        var messages = visible.Select(m => $"queue {name} message {m.Body}").Distinct(StringComparer.Ordinal);
        return [$"queue {name} empty={visible.Length == 0}", .. messages];
    }

    private static async Task<bool> ExistsAsync(TableClient table)
    {
        try
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1).AsPages())
            {
                break;
            }

            return true;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    private static List<string> Sorted(IEnumerable<string> lines) => [.. lines.Order(StringComparer.Ordinal)];

    private static string Cut(string line) => line.Length > 400 ? line[..400] + "…" : line;

    /// <summary>Test tables carry a lower-case prefix (TestSettings); app tables start with a capital.</summary>
    private static string Unprefixed(string table) => table[table.TakeWhile(c => !char.IsUpper(c)).Count()..];

    private static string Text(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")]
    private static partial Regex Time();

    /// <summary>A test's name prefix: a letter and twelve hex digits (TestSettings, Province).</summary>
    [GeneratedRegex("^[a-z][0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex TestPrefix();
}
