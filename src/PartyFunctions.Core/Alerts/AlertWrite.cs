namespace PartyFunctions.Alerts;

/// <summary>
/// What a replace under an ETag came to. <see cref="Stored"/> is a replace whose answer was lost (or a copy of the
/// same change written by someone else a moment before): the alert holds what was asked, but this call cannot claim
/// the change, so it counts nothing (metrics) while it may still go on as if it had written.
/// </summary>
public enum AlertWrite
{
    Conflict,
    Written,
    Stored,
}
