using System.Text.Json.Serialization;
using PartyFunctions.Scoring;

namespace PartyFunctions.Policy;

/// <summary>The lowest total, in percent of the pack's maximum total, of each band above Kém.</summary>
public sealed record BandThresholds(
    [property: JsonPropertyName("Tot")] decimal Good,
    [property: JsonPropertyName("Kha")] decimal Fair,
    [property: JsonPropertyName("TrungBinh")] decimal Average)
{
    public Band BandOf(decimal total, decimal totalPoints)
    {
        var percent = total * 100m / totalPoints;
        return percent >= Good ? Band.Good : percent >= Fair ? Band.Fair : percent >= Average ? Band.Average : Band.Weak;
    }
}
