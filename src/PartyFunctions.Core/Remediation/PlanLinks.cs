using PartyFunctions.Access;
using PartyFunctions.Alerts;

namespace PartyFunctions.Remediation;

/// <summary>
/// The links of remediation: the cell's plan page (no credential: the cell signs in with its access code there), the
/// member's review page and the committee's tracker (signed, scoped to the reader's unit, which must cover the plan's).
/// </summary>
public sealed class PlanLinks(LinkSigner signer, AppBaseUrl baseUrl)
{
    /// <summary>The action of the member's and office's links (review a plan, record findings).</summary>
    public const string ReviewAction = "remediation";

    /// <summary>The action of the short-lived token the cell's plan page carries once the access code was accepted.</summary>
    public const string CellSessionAction = "plan-cell";

    public static readonly TimeSpan ReviewLifetime = TimeSpan.FromDays(60);
    public static readonly TimeSpan CellSessionLifetime = TimeSpan.FromHours(4);

    public string CellPlan(AlertKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return baseUrl.Combine(Routes.Path(Routes.CellPlanPage, key.UnitId, key.Rule, key.Period));
    }

    /// <summary>The review page of the plan answering <paramref name="key"/>, for a reader whose unit is <paramref name="readerUnitId"/>.</summary>
    public string Review(AlertKey key, string readerUnitId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return baseUrl.Combine(Routes.Path(Routes.ReviewPlanPage, key.UnitId, key.Rule, key.Period) + "?link=" + Sign(ReviewAction, readerUnitId, now + ReviewLifetime));
    }

    public string Findings(string unitId, int year, string readerUnitId, DateTimeOffset now) =>
        baseUrl.Combine(Routes.Path(Routes.FindingsPage, unitId, year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            + "?link=" + Sign(ReviewAction, readerUnitId, now + ReviewLifetime));

    public string Tracker(string unitId, int year, DateTimeOffset now) =>
        baseUrl.Combine(Routes.Path(Routes.PlanTracker, unitId, year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            + "?link=" + Sign(AlertLinks.ViewAction, unitId, now + ReviewLifetime));

    /// <summary>The cell's session token, issued when its access code was accepted; only the plan pages take it.</summary>
    public string CellSession(string unitId, DateTimeOffset now) => Sign(CellSessionAction, unitId, now + CellSessionLifetime);

    private string Sign(string action, string unitId, DateTimeOffset expires) => signer.Sign(new SignedLink(action, unitId, expires));
}
