using PartyFunctions.Policy;

namespace PartyFunctions.Remediation;

public enum RemediationStatus
{
    Created,
    Updated,
    Unchanged,
    Invalid,
    NotFound,
    Conflict,
    UnsupportedType,
    TooLarge,

    /// <summary>The access code or the signed link does not reach the unit.</summary>
    Forbidden,

    /// <summary>The client typed too many wrong codes lately; nothing was checked.</summary>
    Throttled,

    /// <summary>A read found the plan.</summary>
    Found,
}

/// <summary>What a remediation request did, with the plan as it now stands, or why nothing was stored (Vietnamese first).</summary>
public sealed record RemediationOutcome(RemediationStatus Status, RemediationPlan? Plan, LocalizedText? Message = null)
{
    public bool Succeeded => Status is RemediationStatus.Created or RemediationStatus.Updated or RemediationStatus.Unchanged or RemediationStatus.Found;

    public static RemediationOutcome Fail(RemediationStatus status, LocalizedText message) => new(status, null, message);

    /// <summary>Another writer kept changing the plan through every attempt (<see cref="Concurrency.OptimisticUpdate"/>).</summary>
    public static RemediationOutcome Busy() =>
        Fail(RemediationStatus.Conflict, new LocalizedText("Kế hoạch đang được sửa ở nơi khác, hãy thử lại", "The plan kept changing; try again."));
}
