using System.Text.Json.Serialization;
using PartyFunctions.Policy;

namespace PartyFunctions.Classification;

/// <summary>KHTNV when more than <paramref name="MembersAbove"/> of rated members are KHTNV or targets met fall below <paramref name="TargetsMetBelow"/>.</summary>
public sealed record FailedLevelRule(Fraction MembersAbove, Fraction TargetsMetBelow);

/// <summary>HTXSNV needs at least <paramref name="MembersGoodOrBetterAtLeast"/> of rated members HTTNV or better (and none KHTNV).</summary>
public sealed record ExcellentLevelRule(Fraction MembersGoodOrBetterAtLeast);

/// <summary>Per superior, HTXSNV is limited to floor(<paramref name="Share"/> × units proposed HTTNV or HTXSNV).</summary>
public sealed record QuotaRule(Fraction Share);

public sealed record ClassificationPolicy(
    [property: JsonPropertyName("khtnv")] FailedLevelRule Failed,
    [property: JsonPropertyName("htxsnv")] ExcellentLevelRule Excellent,
    QuotaRule Quota);
