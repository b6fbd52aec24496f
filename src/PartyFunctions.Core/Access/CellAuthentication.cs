using PartyFunctions.Policy;

namespace PartyFunctions.Access;

public enum CellAuthenticationOutcome
{
    Authenticated,

    /// <summary>Unknown unit, not a cell, no code issued, or a wrong code: the form says only "wrong".</summary>
    Rejected,

    /// <summary>This client has typed too many wrong codes lately: nothing was checked (the unit itself is never locked).</summary>
    Throttled,
}

/// <summary>
/// The answer to one code typed for one cell, with the message the form shows (Vietnamese first). When authenticated,
/// <see cref="Unit"/> is the cell as read during the check, so that callers need not read it again; when throttled,
/// <see cref="RetryAt"/> is when the client may try again.
/// </summary>
public sealed record CellAuthentication(
    CellAuthenticationOutcome Outcome, LocalizedText Message, DateTimeOffset? RetryAt = null, Organisation.Unit? Unit = null)
{
    public bool Succeeded => Outcome == CellAuthenticationOutcome.Authenticated;
}
