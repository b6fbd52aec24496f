using System.Text.Json.Serialization;

namespace PartyFunctions.Scoring;

/// <summary>A month's band, ordered from worst to best so that a cap is a minimum. Wire codes: Kem, TrungBinh, Kha, Tot.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Band>))]
public enum Band : byte
{
    [JsonStringEnumMemberName("Kem")] Weak = 0,
    [JsonStringEnumMemberName("TrungBinh")] Average = 1,
    [JsonStringEnumMemberName("Kha")] Fair = 2,
    [JsonStringEnumMemberName("Tot")] Good = 3,
}
