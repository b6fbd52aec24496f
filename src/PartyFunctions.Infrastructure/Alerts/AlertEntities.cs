using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using PartyFunctions.Alerts;
using PartyFunctions.Notifications;

namespace PartyFunctions.Infrastructure.Alerts;

/// <summary>
/// An alert as table entities (docs/storage-schema.md). The alert itself: PK = unit id, RK = <c>{rule}|{period}</c>,
/// the whole alert as JSON in <c>Alert</c> plus columns for people reading the table. Index rows: PK <c>active</c>
/// (the escalation run's work list, carrying the alert's JSON so the run is one query) and PK <c>to|{recipient key}</c>
/// (a recipient's open alerts; the key is the hash <see cref="DigestId"/> uses, never the address), RK = the alert key.
/// </summary>
internal static class AlertEntities
{
    public const string ActivePartition = "active";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Row(AlertKey key) => $"{key.Rule}|{key.Period}";

    public static string IndexRow(AlertKey key) => $"{key.UnitId}|{key.Rule}|{key.Period}";

    public static string RecipientPartition(string email) => "to|" + DigestId.For("-", email).RecipientKey;

    public static TableEntity Write(Alert alert) => new(alert.Key.UnitId, Row(alert.Key))
    {
        ["Rule"] = alert.Key.Rule,
        ["Period"] = alert.Key.Period,
        ["State"] = alert.State.ToString(),
        ["OpenedAt"] = alert.OpenedAt,
        ["StepsTaken"] = alert.StepsTaken,
        ["NextStepOn"] = alert.NextStepOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Path"] = alert.UnitPath,
        ["Alert"] = JsonSerializer.Serialize(alert, Json),
    };

    public static TableEntity Active(Alert alert)
    {
        var entity = Write(alert);
        entity.PartitionKey = ActivePartition;
        entity.RowKey = IndexRow(alert.Key);
        return entity;
    }

    public static TableEntity Recipient(Alert alert, string email) => new(RecipientPartition(email), IndexRow(alert.Key))
    {
        ["Rule"] = alert.Key.Rule,
        ["UnitId"] = alert.Key.UnitId,
        ["Period"] = alert.Key.Period,
    };

    public static Alert Read(TableEntity entity) =>
        JsonSerializer.Deserialize<Alert>(entity.GetString("Alert") ?? "null", Json)
        ?? throw new InvalidDataException($"Alert entity {entity.PartitionKey}/{entity.RowKey} has no alert.");
}
