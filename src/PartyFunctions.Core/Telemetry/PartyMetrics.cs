using System.Diagnostics.Metrics;

namespace PartyFunctions.Telemetry;

/// <summary>
/// The business metrics' instruments (names in <see cref="MetricNames"/>). Use cases call these where they decide,
/// once per decision: after the write that makes it theirs, never for a retry, a replayed request or a copy of a
/// message that found the work done. Tags carry no unit names, addresses or codes: only rules, bands, months, timers
/// and run ids, so that a metric can never hold personal data and its series stay few.
/// </summary>
public sealed class PartyMetrics
{
    private readonly Counter<long> accepted;
    private readonly Counter<long> refused;
    private readonly Counter<long> late;
    private readonly Counter<long> sent;
    private readonly Counter<long> deferred;
    private readonly Counter<long> failed;
    private readonly Counter<long> opened;
    private readonly Counter<long> escalated;
    private readonly Counter<long> resolved;
    private readonly Gauge<long> active;
    private readonly Counter<long> shardsQueued;
    private readonly Counter<long> shardsDone;
    private readonly Counter<long> shardsFailed;
    private readonly Counter<long> timersLate;

    public PartyMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        // A meter per service provider: two app instances in one process (tests, the demo) count apart.
        var meter = meterFactory.Create(MetricNames.Meter);
        accepted = meter.CreateCounter<long>(MetricNames.SubmissionsAccepted, "{submission}", "Submissions and amendments stored (a repeated request with the same receipt is not counted again).");
        refused = meter.CreateCounter<long>(MetricNames.SubmissionsRefused, "{submission}", "Submissions refused, by reason.");
        late = meter.CreateCounter<long>(MetricNames.SubmissionsLate, "{submission}", "First submissions of a month that arrived after its deadline.");
        sent = meter.CreateCounter<long>(MetricNames.DigestsSent, "{digest}", "Digests the email provider accepted.");
        deferred = meter.CreateCounter<long>(MetricNames.DigestsDeferred, "{digest}", "Digests put back after a rate limit (429).");
        failed = meter.CreateCounter<long>(MetricNames.DigestsFailed, "{digest}", "Digests recorded as undeliverable (refused by the provider, rate limited too often, or given up on the poison queue).");
        opened = meter.CreateCounter<long>(MetricNames.AlertsOpened, "{alert}", "Alerts opened, by rule.");
        escalated = meter.CreateCounter<long>(MetricNames.AlertsEscalated, "{alert}", "Alerts that climbed to the next level of their chain, by rule.");
        resolved = meter.CreateCounter<long>(MetricNames.AlertsResolved, "{alert}", "Alerts resolved, by rule.");
        active = meter.CreateGauge<long>(MetricNames.AlertsActive, "{alert}", "Open alerts by the level last notified (0: nobody yet), as the daily escalation run found them.");
        shardsQueued = meter.CreateCounter<long>(MetricNames.ShardsQueued, "{shard}", "Shards of a classification run, counted when the run is created.");
        shardsDone = meter.CreateCounter<long>(MetricNames.ShardsDone, "{shard}", "Classification shards done, by run.");
        shardsFailed = meter.CreateCounter<long>(MetricNames.ShardsFailed, "{shard}", "Classification shards the host gave up on, by run.");
        timersLate = meter.CreateCounter<long>(MetricNames.TimersLate, "{timer}", "Late timers found by the daily heartbeat check, by timer.");
    }

    public void SubmissionAccepted(string band, string period, bool amendment) =>
        accepted.Add(1, new("band", band), new("period", period), new("amendment", amendment ? "true" : "false"));

    public void SubmissionRefused(string reason) => refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void SubmissionLate(string period) => late.Add(1, new KeyValuePair<string, object?>("period", period));

    public void DigestSent() => sent.Add(1);

    public void DigestDeferred() => deferred.Add(1);

    public void DigestFailed() => failed.Add(1);

    public void AlertOpened(string rule) => opened.Add(1, new KeyValuePair<string, object?>("rule", rule));

    public void AlertEscalated(string rule) => escalated.Add(1, new KeyValuePair<string, object?>("rule", rule));

    public void AlertResolved(string rule) => resolved.Add(1, new KeyValuePair<string, object?>("rule", rule));

    public void AlertsActive(int level, int count) => active.Record(count, new KeyValuePair<string, object?>("level", level));

    public void ShardsQueued(string runId, int shards) => shardsQueued.Add(shards, new KeyValuePair<string, object?>("run", runId));

    public void ShardDone(string runId) => shardsDone.Add(1, new KeyValuePair<string, object?>("run", runId));

    public void ShardFailed(string runId) => shardsFailed.Add(1, new KeyValuePair<string, object?>("run", runId));

    public void TimerLate(string timer) => timersLate.Add(1, new KeyValuePair<string, object?>("timer", timer));
}
