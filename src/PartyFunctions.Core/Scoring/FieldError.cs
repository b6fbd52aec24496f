namespace PartyFunctions.Scoring;

/// <summary>One problem with a submitted sheet: the field (e.g. <c>facts.membersPresent</c>), a stable code, and text for the form.</summary>
public sealed record FieldError(string Field, string Code, string Vi, string En);
