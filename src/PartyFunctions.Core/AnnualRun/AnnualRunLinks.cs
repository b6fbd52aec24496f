using System.Globalization;
using PartyFunctions.Access;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// The signed links of the annual run's emails: a unit's report (action <c>report</c>) and a committee's decision page
/// (action <c>decide</c>), each scoped to the unit it names. No personal data goes into a link.
/// </summary>
public sealed class AnnualRunLinks(LinkSigner signer, AppBaseUrl baseUrl)
{
    public const string ReportAction = "report";
    public const string DecideAction = "decide";

    /// <summary>Long enough for a standing committee to meet after the run (mid-December into January).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(60);

    public string Report(int year, string unitId, DateTimeOffset now) =>
        baseUrl.Combine($"{Routes.Path(Routes.Report, Year(year), unitId)}?link={Sign(ReportAction, unitId, now)}");

    public string Decide(int year, string committeeId, DateTimeOffset now) =>
        baseUrl.Combine($"{Routes.Path(Routes.Decisions, Year(year), committeeId)}?link={Sign(DecideAction, committeeId, now)}");

    private string Sign(string action, string unitId, DateTimeOffset now) => signer.Sign(new SignedLink(action, unitId, now + Lifetime));

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
