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
}

/// <summary>What a remediation request did, with the plan as it now stands, or why nothing was stored (Vietnamese first).</summary>
public sealed record RemediationOutcome(RemediationStatus Status, RemediationPlan? Plan, string? Message = null)
{
    public bool Succeeded => Status is RemediationStatus.Created or RemediationStatus.Updated or RemediationStatus.Unchanged;

    public static RemediationOutcome Fail(RemediationStatus status, string message) => new(status, null, message);

    /// <summary>Another writer kept changing the plan through every attempt (<see cref="Concurrency.OptimisticUpdate"/>).</summary>
    public static RemediationOutcome Busy() =>
        Fail(RemediationStatus.Conflict, "Kế hoạch đang được sửa ở nơi khác, hãy thử lại / the plan kept changing; retry.");
}
