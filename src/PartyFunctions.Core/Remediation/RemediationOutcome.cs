using PartyFunctions.Policy;
using PartyFunctions.Scoring;

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
    /// <summary>Every error by field (<c>items[2].due</c>) when the input was refused; the first is also <see cref="Message"/>.</summary>
    public IReadOnlyList<FieldError> Errors { get; init; } = Message is null ? [] : [new FieldError("", "error", Message.Vi, Message.En)];

    public bool Succeeded => Status is RemediationStatus.Created or RemediationStatus.Updated or RemediationStatus.Unchanged or RemediationStatus.Found;

    public static RemediationOutcome Fail(RemediationStatus status, LocalizedText message) => new(status, null, message);

    public static RemediationOutcome Invalid(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(RemediationStatus.Invalid, null, new LocalizedText(errors[0].Vi, errors[0].En)) { Errors = errors };
    }

    /// <summary>Another writer kept changing the plan through every attempt (<see cref="Concurrency.OptimisticUpdate"/>).</summary>
    public static RemediationOutcome Busy() =>
        Fail(RemediationStatus.Conflict, new LocalizedText("Kế hoạch đang được sửa ở nơi khác, hãy thử lại", "The plan kept changing; try again."));
}
