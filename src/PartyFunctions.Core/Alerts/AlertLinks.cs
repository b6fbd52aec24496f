using PartyFunctions.Access;
using PartyFunctions.Policy;
using PartyFunctions.Submissions;

namespace PartyFunctions.Alerts;

/// <summary>
/// The signed links of the alert emails: acknowledge one alert (action <c>ack</c>; the subject names the alert and
/// the level it was sent to, which becomes the actor), a superior's monthly status page (action <c>view</c>) and a month's
/// confirm sheet (action <c>confirm</c>).
/// No personal data goes into a link.
/// </summary>
public sealed class AlertLinks(LinkSigner signer, AppBaseUrl baseUrl)
{
    public const string AcknowledgeAction = "ack";
    public const string ViewAction = "view";

    /// <summary>The member's desk: scoped to the committee, its subject the member's address (docs/follow-up.md).</summary>
    public const string DeskAction = "desk";
    public static readonly TimeSpan AcknowledgeLifetime = TimeSpan.FromDays(60);
    public static readonly TimeSpan StatusLifetime = TimeSpan.FromDays(45);

    public string Acknowledge(AlertKey key, int level, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        var token = signer.Sign(new SignedLink(AcknowledgeAction, key.UnitId, now + AcknowledgeLifetime, $"{key}#{level}"));
        return baseUrl.Combine(Routes.Path(Routes.AcknowledgeAlert) + "?link=" + token);
    }

    public string Status(string unitId, ScorePeriod period, DateTimeOffset now) =>
        baseUrl.Combine(Routes.Path(Routes.Status, unitId, period.ToString()) + "?link=" + signer.Sign(new SignedLink(ViewAction, unitId, now + StatusLifetime)));

    /// <summary>The attendance duty beside a unit's monthly status (the same "view" link as the status page).</summary>
    public string Duty(string unitId, ScorePeriod period, DateTimeOffset now) =>
        baseUrl.Combine(Routes.Path(Routes.AttendanceDuty, unitId, period.ToString()) + "?link=" + signer.Sign(new SignedLink(ViewAction, unitId, now + StatusLifetime)));

    /// <summary>A month's confirm sheet for the member assigned to the cell (action <c>confirm</c>, scoped to the cell).</summary>
    public string Confirm(string cellId, ScorePeriod period, DateTimeOffset now) =>
        baseUrl.Combine(Routes.Path(Routes.Confirm, cellId, period.ToString()) + "?link=" + signer.Sign(new SignedLink(ConfirmScore.Action, cellId, now + StatusLifetime)));

    /// <summary>
    /// The desk of the member at <paramref name="email"/> over the units they follow within <paramref name="scopeUnitId"/>.
    /// The link names the member by their key (<see cref="Attendance.MemberKey"/>), never their address: links end up in
    /// mail and request logs.
    /// </summary>
    public string Desk(string scopeUnitId, string email, DateTimeOffset now)
    {
        var member = Attendance.MemberKey.Of(email);
        return baseUrl.Combine(Routes.Path(Routes.Desk, member) + "?link=" + signer.Sign(new SignedLink(DeskAction, scopeUnitId, now + StatusLifetime, member)));
    }

    /// <summary>The attendance form of <paramref name="unitId"/> with a signed "attend" <paramref name="token"/>, for a month when given.</summary>
    public string Attend(string unitId, string token, ScorePeriod? period) =>
        baseUrl.Combine(Routes.Path(Routes.Attend, unitId) + "?link=" + token + (period is { } month ? "&period=" + month : string.Empty));

    /// <summary>The alert key and level an acknowledge link names, when it verifies.</summary>
    public AcknowledgeLink Read(string? token)
    {
        var verification = signer.Verify(token, AcknowledgeAction);
        if (!verification.IsValid)
        {
            return new AcknowledgeLink(verification.Status, verification.Message, null, 0);
        }

        var subject = verification.Link!.Subject ?? string.Empty;
        var hash = subject.LastIndexOf('#');
        return hash > 0 && AlertKey.TryParse(subject[..hash], out var key) && int.TryParse(subject[(hash + 1)..], out var level)
            && string.Equals(key!.UnitId, verification.Link.ScopeUnitId, StringComparison.Ordinal)
            ? new AcknowledgeLink(LinkStatus.Valid, verification.Message, key, level)
            : new AcknowledgeLink(LinkStatus.Malformed, new LocalizedText("Liên kết không hợp lệ", "The link is not valid."), null, 0);
    }
}

/// <summary>What an acknowledge link names: the alert and the level its holder was alerted at, or why it is refused.</summary>
public sealed record AcknowledgeLink(LinkStatus Status, LocalizedText Message, AlertKey? Key, int Level);
