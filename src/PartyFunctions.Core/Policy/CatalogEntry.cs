namespace PartyFunctions.Policy;

/// <summary>A pack in the catalog and where it came from ("embedded" or the administrator's file).</summary>
public sealed record CatalogEntry(PolicyPack Pack, string Source);
