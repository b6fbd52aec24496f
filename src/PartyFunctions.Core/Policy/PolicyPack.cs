using PartyFunctions.Classification;
using PartyFunctions.Scoring;

namespace PartyFunctions.Policy;

/// <summary>
/// A versioned set of scoring and classification rules, kept as data (docs/policy-pack.schema.json).
/// <paramref name="Series"/> groups the packs that succeed each other by date (e.g. the national "vn" packs);
/// the pack in force on a date is the one of the series with the latest <paramref name="EffectiveFrom"/> on or before it.
/// </summary>
public sealed record PolicyPack(
    string Id,
    string Series,
    LocalizedText Names,
    DateOnly EffectiveFrom,
    decimal TotalPoints,
    IReadOnlyList<Criterion> Criteria,
    BandThresholds Bands,
    IReadOnlyList<MonthlyRule> MonthlyRules,
    AnnualPolicy Annual,
    ClassificationPolicy Classification,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    AttendancePolicy? Attendance = null)
{
    /// <summary>The attendance settings in force: the pack's own, or the defaults when it has none.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public AttendancePolicy AttendanceOrDefault => Attendance ?? AttendancePolicy.Default;

    public Criterion? FindCriterion(string key)
    {
        foreach (var criterion in Criteria)
        {
            if (criterion.Key == key)
            {
                return criterion;
            }
        }

        return null;
    }
}
