using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Infrastructure.Submissions;

/// <summary>
/// A score as a table entity (docs/storage-schema.md): PK = <c>{superiorId}|{year}</c>, RK = <c>{cellId}|{MM}</c>.
/// Unit ids are office codes (A-Z, 0-9, '.', '-', '_'), so neither key can hold a character Table Storage forbids.
/// Points are JSON objects (criterion key to points); numbers are doubles, exact for steps of 0.5.
/// </summary>
internal static class ScoreEntities
{
    /// <summary>A string property may hold 64 KB, i.e. 32,768 UTF-16 characters.</summary>
    private const int MaxStringChars = 32 * 1024;

    public static string Partition(string superiorId, int year) => $"{superiorId}|{year:0000}";

    public static string Row(string unitId, int month) => $"{unitId}|{month:00}";

    /// <summary>The columns <see cref="ReadBand"/> needs: a projection, so the year scan moves a fraction of each row.</summary>
    public static readonly string[] BandColumns = ["UnitId", "Month", "Band", "ConfirmedBand", "Total", "ConfirmedTotal"];

    public static MonthBand ReadBand(TableEntity e)
    {
        var confirmed = BandCodes.TryParse(e.GetString("ConfirmedBand"), out var c) ? c : (Band?)null;
        return new MonthBand(
            e.GetString("UnitId") ?? string.Empty,
            e.GetInt32("Month") ?? 0,
            BandCodes.TryParse(e.GetString("Band"), out var band) ? band : Band.Weak,
            confirmed,
            (decimal)(confirmed is null ? e.GetDouble("Total") ?? 0 : e.GetDouble("ConfirmedTotal") ?? e.GetDouble("Total") ?? 0))
        {
            SelfTotal = (decimal)(e.GetDouble("Total") ?? 0),
        };
    }

    public static TableEntity Write(ScoreRecord score)
    {
        var facts = score.Facts;
        var entity = new TableEntity(Partition(score.SuperiorId, score.Period.Year), Row(score.UnitId, score.Period.Month))
        {
            ["UnitId"] = score.UnitId,
            ["SuperiorId"] = score.SuperiorId,
            ["Year"] = score.Period.Year,
            ["Month"] = score.Period.Month,
            ["PackId"] = score.PackId,
            ["Criteria"] = Points(score.Criteria),
            ["Held"] = facts.Held,
            ["Combined"] = facts.Combined,
            ["MembersTotal"] = facts.MembersTotal,
            ["MembersExempt"] = facts.MembersExempt,
            ["MembersPresent"] = facts.MembersPresent,
            ["UnexcusedAbsent"] = facts.UnexcusedAbsent,
            ["DurationMinutes"] = facts.DurationMinutes,
            ["MemberDisciplined"] = facts.MemberDisciplined,
            ["Total"] = (double)score.Total,
            ["Band"] = score.Band.Code(),
            ["ReasonCodes"] = string.Join(',', score.ReasonCodes),
            ["SubmittedAt"] = score.SubmittedAt,
            ["Late"] = score.Late,
            ["ReceiptId"] = score.ReceiptId,
            ["Version"] = score.Version,
            // The band that counts, for queries and readers that do not want to combine the two.
            ["EffectiveBand"] = score.EffectiveBand.Code(),
        };
        if (score.Confirmation is { } c)
        {
            entity["ConfirmedCriteria"] = Points(c.Criteria);
            entity["ConfirmedTotal"] = (double)c.Total;
            entity["ConfirmedBand"] = c.Band.Code();
            entity["ConfirmedReasonCodes"] = string.Join(',', c.ReasonCodes);
            entity["ConfirmReason"] = c.Reason;
            entity["ConfirmedBy"] = c.ConfirmedBy;
            entity["ConfirmedAt"] = c.ConfirmedAt;
            if (c.Adopted is { } adopted)
            {
                entity["AdoptedObservedBy"] = adopted.ObservedBy;
                entity["AdoptedMeetingDate"] = adopted.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                entity["AdoptedPackId"] = adopted.PackId;
            }

        }

        foreach (var (key, value) in entity)
        {
            if (value is string text && text.Length > MaxStringChars)
            {
                throw new InvalidOperationException($"Score property {key} of {score.UnitId} {score.Period} exceeds 64 KB.");
            }
        }

        return entity;
    }

    public static ScoreRecord Read(TableEntity e)
    {
        var confirmation = e.GetString("ConfirmedBand") is { } confirmedBand
            ? new ScoreConfirmation(
                ReadPoints(e.GetString("ConfirmedCriteria")),
                (decimal)(e.GetDouble("ConfirmedTotal") ?? 0),
                ParseBand(confirmedBand),
                Codes(e.GetString("ConfirmedReasonCodes")),
                e.GetString("ConfirmReason") ?? string.Empty,
                e.GetString("ConfirmedBy") ?? string.Empty,
                e.GetDateTimeOffset("ConfirmedAt") ?? default,
                e.GetString("AdoptedObservedBy") is { } observedBy
                    && DateOnly.TryParseExact(e.GetString("AdoptedMeetingDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var met)
                    ? new AdoptedObservation(observedBy, met, e.GetString("AdoptedPackId") ?? string.Empty)
                    : null)
            : null;
        return new ScoreRecord(
            e.GetString("UnitId"),
            e.GetString("SuperiorId"),
            new ScorePeriod(e.GetInt32("Year") ?? 0, e.GetInt32("Month") ?? 0),
            e.GetString("PackId") ?? string.Empty,
            ReadPoints(e.GetString("Criteria")),
            new MeetingFacts(
                e.GetBoolean("Held") ?? false,
                e.GetBoolean("Combined") ?? false,
                e.GetInt32("MembersTotal") ?? 0,
                e.GetInt32("MembersExempt") ?? 0,
                e.GetInt32("MembersPresent") ?? 0,
                e.GetInt32("UnexcusedAbsent") ?? 0,
                e.GetInt32("DurationMinutes") ?? 0,
                e.GetBoolean("MemberDisciplined") ?? false),
            (decimal)(e.GetDouble("Total") ?? 0),
            ParseBand(e.GetString("Band")),
            Codes(e.GetString("ReasonCodes")),
            e.GetDateTimeOffset("SubmittedAt") ?? default,
            e.GetBoolean("Late") ?? false,
            e.GetString("ReceiptId") ?? string.Empty,
            e.GetInt32("Version") ?? 1,
            confirmation);
    }

    private static string Points(IReadOnlyDictionary<string, decimal> points) =>
        JsonSerializer.Serialize(points.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value));

    private static Dictionary<string, decimal> ReadPoints(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? [];

    private static string[] Codes(string? text) => (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static Band ParseBand(string? code) =>
        BandCodes.TryParse(code, out var band)
            ? band
            : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Stored score has no valid band: '{code}'."));
}
