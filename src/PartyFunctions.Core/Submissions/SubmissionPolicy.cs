using PartyFunctions.Policy;

namespace PartyFunctions.Submissions;

/// <summary>The packs a deployment scores with: the catalog and its series (the national "vn" packs by default).</summary>
public sealed record SubmissionPolicy(PolicyCatalog Catalog, string Series = PolicyCatalog.DefaultSeries)
{
    public PolicyPack? PackFor(ScorePeriod period) => Catalog.InForceForMonth(period.Year, period.Month, Series);
}
