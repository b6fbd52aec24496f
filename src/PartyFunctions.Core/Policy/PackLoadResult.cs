namespace PartyFunctions.Policy;

/// <summary>A loaded pack, or every error that rejected it (a pack is accepted or rejected whole).</summary>
public sealed record PackLoadResult(PolicyPack? Pack, IReadOnlyList<PackError> Errors)
{
    public bool IsValid => Pack is not null;
}
