using System.Globalization;
using System.Text.Json.Nodes;
using PartyFunctions.Scoring;

namespace PartyFunctions.Cli.Demo;

/// <summary>A month's JSON submission (docs/api.md) whose points land in the wanted band under the vn-2025 pack.</summary>
public static class DemoSheet
{
    public static Band Draw(CellProfile cell, Random random)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(random);
        var roll = random.NextDouble();
        var shift = roll < 0.15 ? -1 : roll > 0.92 ? 1 : 0;
        return (Band)Math.Clamp((int)cell.Usual + shift, (int)Band.Weak, (int)Band.Good);
    }

    public static string Json(string unitId, string code, string receiptId, string period, Band band, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new JsonObject
        {
            ["unitId"] = unitId, ["accessCode"] = code, ["receiptId"] = receiptId, ["period"] = period,
            ["criteria"] = Criteria(band, random),
            ["facts"] = Facts(random),
        }.ToJsonString();
    }

    /// <summary>The pack's criteria with points that land in <paramref name="band"/>.</summary>
    public static JsonObject Criteria(Band band, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        decimal[] points = band switch
        {
            Band.Good => [15, 15, 5, 23 + random.Next(3), 5, 22 + random.Next(4), 10],
            Band.Fair => [13, 15, 5, 18 + random.Next(4), 5, 15 + random.Next(4), 8],
            Band.Average => [10, 10, 3, 14 + random.Next(4), 4, 10 + random.Next(4), 6],
            _ => [6, 6, 2, 8 + random.Next(4), 3, 6 + random.Next(4), 4],
        };
        string[] keys = ["preparation", "attendance", "duration", "conduct", "principles", "results", "closing"];
        var criteria = new JsonObject();
        for (var i = 0; i < keys.Length; i++)
        {
            criteria[keys[i]] = points[i];
        }

        return criteria;
    }

    /// <summary>A meeting held as the pack wants it: most members present, none absent without leave, 90 minutes or more.</summary>
    public static JsonObject Facts(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var total = 15 + random.Next(20);
        return new JsonObject
        {
            ["held"] = true, ["combined"] = false, ["membersTotal"] = total, ["membersExempt"] = 1,
            ["membersPresent"] = total - 2, ["unexcusedAbsent"] = 0,
            ["durationMinutes"] = 90 + random.Next(40), ["memberDisciplined"] = false,
        };
    }

    public static string Receipt(CellProfile cell, string period, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"DEMO-{cell?.Index:0000}-{period}-{version}");
}
