namespace PartyFunctions.Policy;

/// <summary>A text in Vietnamese (what users read first) and English.</summary>
public sealed record LocalizedText(string Vi, string En);
