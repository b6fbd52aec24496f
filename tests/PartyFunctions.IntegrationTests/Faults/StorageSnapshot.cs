using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;

namespace PartyFunctions.IntegrationTests.Faults;

/// <summary>
/// The content of some tables, blob containers and queues as sorted lines of text, for comparing a faulty run's final
/// state with a fault-free one. Times (timestamps, ETags, every ISO-8601 time in a value) are blanked: a retry
/// happens later, and that is the only difference allowed.
/// </summary>
internal static partial class StorageSnapshot
{
    public static async Task<string> TakeAsync(StorageClients clients, IEnumerable<string> tables, IEnumerable<string> containers, IEnumerable<string> queues)
    {
        var lines = new List<string>();
        foreach (var table in tables)
        {
            try
            {
                await foreach (var entity in clients.Tables.GetTableClient(table).QueryAsync<TableEntity>())
                {
                    var properties = entity.Where(p => p.Key is not ("odata.etag" or "Timestamp" or "PartitionKey" or "RowKey"))
                        .OrderBy(p => p.Key, StringComparer.Ordinal)
                        .Select(p => $"{p.Key}={(p.Value is DateTimeOffset or DateTime ? "<time>" : Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture))}");
                    lines.Add($"table {Unprefixed(table)} {entity.PartitionKey}/{entity.RowKey}: {string.Join("; ", properties)}");
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                lines.Add($"table {Unprefixed(table)}: none");
            }
        }

        foreach (var name in containers)
        {
            var container = clients.Blobs.GetBlobContainerClient(name);
            if (!await container.ExistsAsync())
            {
                continue;
            }

            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }))
            {
                var content = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
                var metadata = string.Join("; ", blob.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}"));
                lines.Add($"blob {Unprefixed(name)}/{blob.Name} [{metadata}]: {content}");
            }
        }

        foreach (var name in queues)
        {
            var queue = clients.Queues.GetQueueClient(name);
            if (!await queue.ExistsAsync())
            {
                continue;
            }

            // Messages arrive at least once: a repeated message is the same message.
            var bodies = (await queue.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString());
            lines.AddRange(bodies.Select(b => $"queue {name}: {b}"));
        }

        var text = new StringBuilder();
        foreach (var line in lines.Select(l => Time().Replace(l, "<time>")).Distinct().Order(StringComparer.Ordinal))
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    /// <summary>The lines only one of two snapshots has, marked - (fault-free only) and + (faulty run only).</summary>
    public static string Diff(string expected, string actual)
    {
        var before = expected.Split('\n');
        var after = actual.Split('\n');
        return string.Join("\n", before.Except(after).Select(l => "- " + Cut(l)).Concat(after.Except(before).Select(l => "+ " + Cut(l))));
    }

    private static string Cut(string line) => line.Length > 400 ? line[..400] + "…" : line;

    /// <summary>Tests give each run its own name prefix; snapshots of two runs compare without it.</summary>
    private static string Unprefixed(string name) => PrefixPattern().Replace(name, "");

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")]
    private static partial Regex Time();

    [GeneratedRegex("^[a-z][0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex PrefixPattern();
}
