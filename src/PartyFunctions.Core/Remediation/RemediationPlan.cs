using PartyFunctions.Alerts;

namespace PartyFunctions.Remediation;

/// <summary>
/// A unit's remediation plan (kế hoạch khắc phục) answering one alert (<c>annual-weak</c> or <c>needs-consolidation</c>):
/// items with an owner, a due date and evidence; the superior accepts it and closes its items; closing the last item
/// closes the plan and resolves the alert.
/// </summary>
public sealed record RemediationPlan(
    AlertKey Key,
    PlanState State,
    IReadOnlyList<PlanItem> Items,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AcceptedAt = null,
    string? AcceptedBy = null,
    DateTimeOffset? ClosedAt = null)
{
    public bool AllItemsClosed => Items.Count > 0 && Items.All(i => i.ClosedAt is not null);
}

public enum PlanState
{
    Submitted,
    Accepted,
    Closed,
}

/// <summary>One item: what will be done, by whom, by when, the evidence uploaded for it and its closure by the superior.</summary>
public sealed record PlanItem(
    string Id, string Title, string Owner, DateOnly Due, IReadOnlyList<EvidenceFile> Evidence, DateTimeOffset? ClosedAt = null, string? ClosedBy = null);

/// <summary>An uploaded document as stored: blob name, the type its content showed, size and SHA-256 (which makes a re-upload a no-op).</summary>
public sealed record EvidenceFile(string BlobName, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset At);

/// <summary>A stored plan with the version tag its changes must match.</summary>
public sealed record StoredPlan(RemediationPlan Plan, string ETag);
