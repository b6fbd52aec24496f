namespace PartyFunctions.Policy;

/// <summary>One line of the monthly score sheet: its key in the sheet, its names and its maximum points.</summary>
public sealed record Criterion(string Key, LocalizedText Names, decimal Max);
