namespace PartyFunctions.Telemetry;

/// <summary>
/// Every business metric the app emits, named once. The Bicep alert rules and the workbook query these names
/// (infra/alerts, infra/workbooks; a test holds them to this list), and docs/operations.md lists them.
/// </summary>
public static class MetricNames
{
    /// <summary>The meter every metric belongs to; exporters subscribe to it by this name.</summary>
    public const string Meter = "PartyFunctions";

    public const string SubmissionsAccepted = "party.submissions.accepted";
    public const string SubmissionsRefused = "party.submissions.refused";
    public const string SubmissionsLate = "party.submissions.late";
    public const string DigestsSent = "party.digests.sent";
    public const string DigestsDeferred = "party.digests.deferred";
    public const string DigestsFailed = "party.digests.failed";
    public const string AlertsOpened = "party.alerts.opened";
    public const string AlertsEscalated = "party.alerts.escalated";
    public const string AlertsResolved = "party.alerts.resolved";
    public const string AlertsActive = "party.alerts.active";
    public const string ShardsQueued = "party.classification.shards.queued";
    public const string ShardsDone = "party.classification.shards.done";
    public const string ShardsFailed = "party.classification.shards.failed";
    public const string TimersLate = "party.timers.late";

    public static IReadOnlyList<string> All { get; } =
    [
        SubmissionsAccepted, SubmissionsRefused, SubmissionsLate, DigestsSent, DigestsDeferred, DigestsFailed,
        AlertsOpened, AlertsEscalated, AlertsResolved, AlertsActive, ShardsQueued, ShardsDone, ShardsFailed, TimersLate,
    ];
}
