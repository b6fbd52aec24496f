using System.Text.Json.Serialization;

namespace PartyFunctions.Classification;

/// <summary>The annual classification level, worst to best. Wire codes: KHTNV, HTNV, HTTNV, HTXSNV.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Level>))]
public enum Level : byte
{
    [JsonStringEnumMemberName("KHTNV")] Failed = 0,
    [JsonStringEnumMemberName("HTNV")] Complete = 1,
    [JsonStringEnumMemberName("HTTNV")] Good = 2,
    [JsonStringEnumMemberName("HTXSNV")] Excellent = 3,
}
