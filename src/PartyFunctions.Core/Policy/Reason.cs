namespace PartyFunctions.Policy;

/// <summary>
/// Why a rule decided something: a stable machine <paramref name="Code"/> (for code and tests) and a sentence in
/// Vietnamese and English that the web form and the emails can show as they are.
/// </summary>
public sealed record Reason(string Code, string Vi, string En);
