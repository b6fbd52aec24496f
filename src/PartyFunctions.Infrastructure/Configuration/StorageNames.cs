namespace PartyFunctions.Configuration;

/// <summary>
/// Every blob container, queue and table the app uses. The Bicep template creates the same list
/// (infra/storage-names.json, checked by a test), so that in Azure no code needs rights to create them.
/// </summary>
public static class StorageNames
{
    public const string ArchiveContainer = "archive";
    public const string ImportsContainer = "imports";
    public const string ReportsContainer = "reports";
    public const string EvidenceContainer = "evidence";
    public const string PoliciesContainer = "policies";
    public const string OutboxContainer = "outbox";

    /// <summary>Each client's recent wrong access codes (the sign-in throttle); a lifecycle rule deletes them after a day.</summary>
    public const string SignInClientsContainer = "signin-clients";

    public const string DigestsQueue = "digests";
    public const string DigestsPoisonQueue = DigestsQueue + "-poison";
    public const string ClassificationShardsQueue = "classification-shards";
    public const string ClassificationShardsPoisonQueue = ClassificationShardsQueue + "-poison";

    /// <summary>One <c>ScoreRecorded</c> message per accepted submission, amendment or confirmation (issue 6 consumes it).</summary>
    public const string ScoreEventsQueue = "score-events";

    public const string UnitsTable = "Units";
    public const string UnitTreeTable = "UnitTree";
    public const string AccessCodesTable = "AccessCodes";
    public const string ScoresTable = "Scores";
    public const string ClassificationRunsTable = "ClassificationRuns";
    public const string AnnualResultsTable = "AnnualResults";

    /// <summary>Alerts by unit; <see cref="AlertIndexTable"/> holds the escalation work list and each recipient's open alerts.</summary>
    public const string AlertsTable = "Alerts";
    public const string AlertIndexTable = "AlertIndex";

    /// <summary>Markers of finished runs (job, period or day) and applied score events: what makes the timers idempotent.</summary>
    public const string RunsTable = "Runs";

    /// <summary>Remediation plans by unit and alert (issue 7); their evidence documents live in <see cref="EvidenceContainer"/>.</summary>
    public const string RemediationPlansTable = "RemediationPlans";

    /// <summary>Each timer's last successful run and, for one that never ran, when a check first noticed it (issue 10).</summary>
    public const string HeartbeatsTable = "Heartbeats";

    /// <summary>Attendance records by unit, month and author (issue 17).</summary>
    public const string AttendanceTable = "Attendance";

    public static IReadOnlyList<string> Containers { get; } =
        [ArchiveContainer, ImportsContainer, ReportsContainer, EvidenceContainer, PoliciesContainer, OutboxContainer, SignInClientsContainer];

    public static IReadOnlyList<string> Queues { get; } = [DigestsQueue, DigestsPoisonQueue, ClassificationShardsQueue, ClassificationShardsPoisonQueue, ScoreEventsQueue];

    public static IReadOnlyList<string> Tables { get; } =
        [UnitsTable, UnitTreeTable, AccessCodesTable, ScoresTable, ClassificationRunsTable, AnnualResultsTable, AlertsTable, AlertIndexTable, RunsTable, RemediationPlansTable, HeartbeatsTable, AttendanceTable];
}
