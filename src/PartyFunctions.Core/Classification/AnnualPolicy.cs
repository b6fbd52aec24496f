using System.Text.Json.Serialization;

namespace PartyFunctions.Classification;

/// <summary>The roll-up of a year of months: below <paramref name="MinimumRequiredMonths"/> there is no proposal.</summary>
public sealed record AnnualPolicy(
    int MinimumRequiredMonths,
    [property: JsonPropertyName("tot")] YearBandRule Good,
    [property: JsonPropertyName("kha")] YearBandRule Fair,
    [property: JsonPropertyName("trungBinh")] AverageYearRule Average);
