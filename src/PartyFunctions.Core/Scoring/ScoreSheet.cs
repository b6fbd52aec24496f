namespace PartyFunctions.Scoring;

/// <summary>A cell's monthly score sheet: the period (yyyy-MM), points per criterion key, and the meeting facts.</summary>
public sealed record ScoreSheet(string Period, IReadOnlyDictionary<string, decimal> Criteria, MeetingFacts Facts);
