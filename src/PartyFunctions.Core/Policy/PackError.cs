namespace PartyFunctions.Policy;

/// <summary>One problem in a pack: the field as a path (<c>monthlyRules[5].criteria[0]</c>, empty for the whole pack) and what is wrong.</summary>
public sealed record PackError(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
