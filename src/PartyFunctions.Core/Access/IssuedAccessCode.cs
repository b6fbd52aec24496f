using PartyFunctions.Organisation;

namespace PartyFunctions.Access;

/// <summary>A freshly issued code in clear, for the hand-out sheet only: it exists nowhere else.</summary>
public sealed record IssuedAccessCode(Unit Cell, string Code, DateTimeOffset IssuedAt);
