using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using PartyFunctions.Configuration;

namespace PartyFunctions.Storage.Alerts;

/// <summary>
/// The alerts, their index and the run markers, created on first use. Names carry an optional prefix (setting
/// <c>Alerts:TablePrefix</c>) so that tests sharing one Azurite keep apart.
/// </summary>
public sealed partial class AlertTables(StorageClients clients, string prefix)
{
    public const string PrefixSetting = "Alerts:TablePrefix";

    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tables = new(StringComparer.Ordinal);

    public static AlertTables Create(StorageClients clients, string? prefix)
    {
        prefix ??= string.Empty;
        return prefix.Length == 0 || ValidPrefix().IsMatch(prefix)
            ? new AlertTables(clients, prefix)
            : throw new InvalidOperationException($"{PrefixSetting} must be letters and digits, starting with a letter (got \"{prefix}\").");
    }

    public Task<TableClient> AlertsAsync() => TableAsync(StorageNames.AlertsTable);

    public Task<TableClient> IndexAsync() => TableAsync(StorageNames.AlertIndexTable);

    public Task<TableClient> RunsAsync() => TableAsync(StorageNames.RunsTable);

    private async Task<TableClient> TableAsync(string name)
    {
        var lazy = tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(async () =>
        {
            var table = clients.Tables.GetTableClient(prefix + n);
            await table.CreateIfNotExistsAsync();
            return table;
        }));
        try
        {
            return await lazy.Value;
        }
        catch (Exception)
        {
            // A transient failure (an error or a timeout) must not stick: the next caller tries to create the table again.
            tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,29}$")]
    private static partial Regex ValidPrefix();
}
