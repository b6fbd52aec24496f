using System.Text.Json.Serialization;

namespace PartyFunctions.Remediation;

/// <summary>One action on a plan: when, who (the cell, or the member by the name they gave), what, on which item, and why.</summary>
public sealed record PlanAction(DateTimeOffset At, string Actor, PlanActionKind Kind, string? ItemId = null, string? Note = null);

[JsonConverter(typeof(JsonStringEnumConverter<PlanActionKind>))]
public enum PlanActionKind
{
    Saved,
    Submitted,
    EvidenceAdded,
    Returned,
    Accepted,
    ItemClosed,
    ItemReopened,
    Closed,
}
