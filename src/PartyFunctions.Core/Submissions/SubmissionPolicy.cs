using PartyFunctions.Policy;

namespace PartyFunctions.Submissions;

/// <summary>The packs a deployment scores with: the catalog and its series (the national "vn" packs by default).</summary>
public sealed record SubmissionPolicy(PolicyCatalog Catalog, string Series = PolicyCatalog.DefaultSeries)
{
    public PolicyPack? PackFor(ScorePeriod period) => Catalog.InForceForMonth(period.Year, period.Month, Series);

    /// <summary>
    /// The deployment's series from its setting (<c>Policy:Series</c>; empty: the national packs). A series no pack of
    /// the catalog belongs to would leave every month without a pack, so it is refused at start-up with the known ones.
    /// </summary>
    public static SubmissionPolicy ForSeries(PolicyCatalog catalog, string? series)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var chosen = string.IsNullOrWhiteSpace(series) ? PolicyCatalog.DefaultSeries : series.Trim();
        var known = catalog.Entries.Select(e => e.Pack.Series).Distinct(StringComparer.Ordinal).ToList();
        return known.Contains(chosen, StringComparer.Ordinal)
            ? new SubmissionPolicy(catalog, chosen)
            : throw new InvalidOperationException(
                $"Policy:Series is \"{chosen}\", but no pack belongs to that series; known series: {string.Join(", ", known)}.");
    }
}
