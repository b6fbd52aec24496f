namespace PartyFunctions.Policy;

/// <summary>The catalog with every valid pack, and one line per error of each rejected administrator pack.</summary>
public sealed record CatalogLoadResult(PolicyCatalog Catalog, IReadOnlyList<string> Errors);
