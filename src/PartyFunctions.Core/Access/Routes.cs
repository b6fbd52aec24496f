using System.Text;

namespace PartyFunctions.Access;

/// <summary>
/// Every HTTP route of the app, named once: the triggers' <c>Route =</c> attributes, the links in emails
/// (<see cref="PartyFunctions.Alerts.AlertLinks"/>, <see cref="PartyFunctions.AnnualRun.AnnualRunLinks"/>) and the pages'
/// form actions all use these, so a route changed here changes everywhere. docs/api.md lists them with their errors.
/// </summary>
public static class Routes
{
    /// <summary>The query parameter that carries a signed link's token, on every page and link that takes one.</summary>
    public const string LinkParameter = "link";

    /// <summary>The header that carries a cell's access code on the JSON API.</summary>
    public const string AccessCodeHeader = "X-Access-Code";

    /// <summary>The Functions host's route prefix (host.json keeps the default).</summary>
    public const string Prefix = "api";

    public const string Health = "health";
    public const string Form = "form";
    public const string Scores = "scores";
    public const string Score = "scores/{unitId}/{period}";
    public const string Confirm = "confirm/{unitId}/{period}";
    public const string AcknowledgeAlert = "alerts/acknowledge";
    public const string Status = "status/{unitId}/{period}";
    public const string StatusCsv = Status + "/csv";
    public const string YearGrid = "status/{unitId}/{year:int}/year";
    public const string YearGridCsv = YearGrid + "/csv";
    public const string AttendanceDuty = Status + "/duty";
    public const string Unit = "units/{id}";
    public const string Report = "reports/{year:int}/{unitId}";
    public const string Decisions = "decisions/{year:int}/{committeeId}";
    public const string RemediationPlan = "remediation/{unitId}/{rule}/{period}";
    public const string RemediationEvidence = RemediationPlan + "/items/{itemId}/evidence";
    public const string RemediationAccept = RemediationPlan + "/accept";
    public const string RemediationClose = RemediationPlan + "/items/{itemId}/close";
    public const string RemediationReopen = RemediationPlan + "/items/{itemId}/reopen";
    public const string RemediationReturn = RemediationPlan + "/return";
    public const string RemediationClosePlan = RemediationPlan + "/close";
    public const string RemediationEvidenceFile = RemediationPlan + "/items/{itemId}/evidence/{sha}";
    public const string CellPlanHome = "plan";
    public const string CellPlanPage = "plan/{unitId}/{rule}/{period}";
    public const string CellPlanEvidence = CellPlanPage + "/evidence";
    public const string ReviewPlanPage = "review/{unitId}/{rule}/{period}";
    public const string FindingsPage = "findings/{unitId}/{year:int}";
    public const string AdminFindings = "admin/findings/{unitId}/{year:int}";
    public const string PlanTracker = "tracker/{unitId}/{year:int}";
    public const string PlanTrackerCsv = PlanTracker + "/csv";
    public const string Attend = "attend/{unitId}";
    public const string Attendance = "attendance/{unitId}/{period}";
    public const string Desk = "desk/{memberKey}";
    public const string AdminStatus = "admin/status";
    public const string AdminImportUnits = "admin/units/import";
    public const string AdminClassification = "admin/classification/{year:int}";
    public const string AdminDecision = "admin/classification/{year:int}/units/{unitId}/decision";

    /// <summary>
    /// The path of <paramref name="route"/> from the site's root with its parameters filled in order, each escaped:
    /// <c>Path(Status, "Q.G1", "2025-11")</c> is <c>/api/status/Q.G1/2025-11</c>.
    /// </summary>
    public static string Path(string route, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(values);
        var path = new StringBuilder("/").Append(Prefix).Append('/');
        var next = 0;
        for (var i = 0; i < route.Length; i++)
        {
            if (route[i] != '{')
            {
                path.Append(route[i]);
                continue;
            }

            if (next == values.Length)
            {
                throw new ArgumentException($"Route {route} needs more than {values.Length} values.", nameof(values));
            }

            path.Append(Uri.EscapeDataString(values[next++]));
            i = route.IndexOf('}', i);
        }

        return next == values.Length ? path.ToString() : throw new ArgumentException($"Route {route} takes {next} values, not {values.Length}.", nameof(values));
    }
}
