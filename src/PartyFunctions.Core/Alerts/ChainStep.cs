namespace PartyFunctions.Alerts;

/// <summary>
/// One step of an alert's escalation chain, copied onto the alert when it opens (a later policy or contact change
/// does not move alerts already open): who is told (<see cref="RecipientUnitId"/>'s assigned member or office), at
/// which <see cref="Level"/>, how many days after the alert opened, and whether it repeats the level before.
/// <see cref="Email"/> is null when the registry has no address for that step: the step passes silently.
/// </summary>
public sealed record ChainStep(int Level, int AfterDays, bool Repeat, string RecipientUnitId, string? Name, string? Email);
