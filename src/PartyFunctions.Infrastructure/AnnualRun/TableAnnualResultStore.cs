using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PartyFunctions.AnnualRun;
using PartyFunctions.Classification;
using PartyFunctions.Scoring;

namespace PartyFunctions.Infrastructure.AnnualRun;

/// <summary>
/// Annual results: PK = <c>{year}|{superiorId}</c>, RK = cell id. A shard writes its partition in batches of 100 with
/// merge-upserts of the computed columns only, so a redelivered shard rewrites the same values and never erases the
/// standing committee's decision recorded on the same entity.
/// </summary>
public sealed class TableAnnualResultStore(AnnualRunTables tables) : IAnnualResultStore
{
    // Letters as they are (observers' names), as the other JSON columns keep them.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task SaveAsync(IReadOnlyList<AnnualResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = await tables.ResultsAsync();
        // As few batches as the partitions allow (100 actions each), sent side by side: a shard is one partition.
        await Task.WhenAll(results.GroupBy(Partition).SelectMany(partition => partition.Chunk(100)).Select(chunk =>
            table.SubmitTransactionAsync(
                chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertMerge, ToEntity(r))), cancellationToken)));
    }

    public async Task<IReadOnlyList<AnnualResult>> GetAsync(int year, string superiorId, CancellationToken cancellationToken) =>
        await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(year, superiorId)}"), cancellationToken);

    public async Task SaveDecisionAsync(AnnualResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var decision = result.Decision ?? throw new ArgumentException("The result carries no decision.", nameof(result));
        var table = await tables.ResultsAsync();
        // Merge: the computed columns stay as the shard wrote them, and a redelivered shard's merge keeps these.
        await table.UpsertEntityAsync(
            new TableEntity(Partition(result), result.UnitId)
            {
                ["DecisionLevel"] = decision.Level.Code(),
                ["DecisionOverride"] = decision.Override,
                ["DecisionReason"] = decision.Reason,
                ["DecidedBy"] = decision.DecidedBy,
                ["DecidedAt"] = decision.DecidedAt,
            },
            TableUpdateMode.Merge,
            cancellationToken);
    }

    public async Task<IReadOnlyList<AnnualResult>> GetYearAsync(int year, CancellationToken cancellationToken)
    {
        var from = year.ToString(CultureInfo.InvariantCulture) + "|";
        var to = year.ToString(CultureInfo.InvariantCulture) + "}";
        return await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"), cancellationToken);
    }

    private async Task<List<AnnualResult>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await tables.ResultsAsync();
        var found = new List<AnnualResult>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            found.Add(ToResult(entity));
        }

        return found;
    }

    private static string Partition(AnnualResult r) => PartitionKey(r.Year, r.SuperiorId);

    private static string PartitionKey(int year, string superiorId) => $"{year.ToString(CultureInfo.InvariantCulture)}|{superiorId}";

    private static TableEntity ToEntity(AnnualResult r) => new(Partition(r), r.UnitId)
    {
        ["Year"] = r.Year,
        ["UnitName"] = r.UnitName,
        ["SuperiorId"] = r.SuperiorId,
        ["RunId"] = r.RunId,
        ["Required"] = r.Required,
        ["Good"] = r.Good,
        ["FairOrBetter"] = r.FairOrBetter,
        ["Weak"] = r.Weak,
        ["YearBand"] = r.YearBand.Code(),
        ["Proposed"] = r.Proposed.Code(),
        ["Reasons"] = (int)r.Reasons,
        ["Observed"] = JsonSerializer.Serialize(r.Observed, Json),
    };

    private static AnnualResult ToResult(TableEntity e) => Result(e) with
    {
        Observed = e.GetString("Observed") is { Length: > 0 } json ? new ObservedMonths(JsonSerializer.Deserialize<List<ObservedMonth>>(json, Json) ?? []) : ObservedMonths.None,
    };

    private static AnnualResult Result(TableEntity e) => new(
        e.GetInt32("Year") ?? 0, e.RowKey, e.GetString("UnitName") ?? string.Empty, e.GetString("SuperiorId") ?? string.Empty,
        e.GetString("RunId") ?? string.Empty, e.GetInt32("Required") ?? 0, e.GetInt32("Good") ?? 0, e.GetInt32("FairOrBetter") ?? 0,
        e.GetInt32("Weak") ?? 0,
        BandCodes.TryParse(e.GetString("YearBand"), out var band) ? band : null,
        LevelFrom(e.GetString("Proposed")),
        (LevelReasons)(e.GetInt32("Reasons") ?? 0),
        LevelFrom(e.GetString("DecisionLevel")) is { } decided
            ? new AnnualDecision(decided, e.GetBoolean("DecisionOverride") ?? false, e.GetString("DecisionReason") ?? string.Empty,
                e.GetString("DecidedBy") ?? string.Empty, e.GetDateTimeOffset("DecidedAt") ?? DateTimeOffset.MinValue)
            : null);

    private static Level? LevelFrom(string? code) =>
        Enum.GetValues<Level>().Cast<Level?>().FirstOrDefault(l => l.Code() == code && !string.IsNullOrEmpty(code));
}
