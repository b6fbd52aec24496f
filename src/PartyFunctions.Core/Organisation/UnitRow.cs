namespace PartyFunctions.Organisation;

/// <summary>One data row of an import file that parsed: the unit it describes and the line it starts on.</summary>
public sealed record UnitRow(int Line, Unit Unit);
