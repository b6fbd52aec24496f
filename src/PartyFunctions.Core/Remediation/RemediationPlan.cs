using System.Text.Json.Serialization;
using PartyFunctions.Alerts;

namespace PartyFunctions.Remediation;

/// <summary>
/// A unit's remediation plan (kế hoạch khắc phục) answering one alert (<c>annual-weak</c>, <c>findings</c> or
/// <c>needs-consolidation</c>): items with an owner, a due date and evidence. The cell drafts and submits it; the
/// assigned member returns it for revision or accepts it, closes its items and then the plan (docs/remediation.md).
/// <see cref="History"/> records every action with who, when and why; <see cref="UnitPath"/> lets a committee's
/// tracker find the plans of its subtree.
/// </summary>
public sealed record RemediationPlan(
    AlertKey Key,
    PlanState State,
    IReadOnlyList<PlanItem> Items,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AcceptedAt = null,
    string? AcceptedBy = null,
    DateTimeOffset? ClosedAt = null,
    IReadOnlyList<PlanAction>? History = null,
    string? ReturnComment = null,
    string? UnitPath = null)
{
    [JsonIgnore]
    public bool AllItemsClosed => Items.Count > 0 && Items.All(i => i.ClosedAt is not null);

    /// <summary>Every action on the plan, oldest first (plans stored before the history existed have none).</summary>
    [JsonIgnore]
    public IReadOnlyList<PlanAction> Actions => History ?? [];

    [JsonIgnore]
    public PlanAction? LastAction => Actions.Count > 0 ? Actions[^1] : null;

    /// <summary>The cell may still change its items: a draft, a submitted plan not yet reviewed, or one returned to it.</summary>
    [JsonIgnore]
    public bool IsEditableByCell => State is PlanState.Draft or PlanState.Submitted or PlanState.Returned;

    public RemediationPlan Record(PlanAction action) => this with { History = [.. Actions, action] };

    /// <summary>Items past their deadline and not closed; a draft commits to nothing yet.</summary>
    public IReadOnlyList<PlanItem> OverdueItems(DateOnly today) =>
        State is PlanState.Draft or PlanState.Closed ? [] : Items.Where(i => i.ClosedAt is null && i.Due < today).ToList();
}

/// <summary>
/// Where a plan stands. Stored as numbers: the first three predate the others and keep their values.
/// </summary>
public enum PlanState
{
    Submitted = 0,
    Accepted = 1,
    Closed = 2,

    /// <summary>The assigned member sent it back with a comment; the cell revises and submits again.</summary>
    Returned = 3,

    /// <summary>Saved by the cell, not submitted yet: no one reviews it and its deadlines do not run.</summary>
    Draft = 4,
}

/// <summary>
/// One item: what will be done, by whom, by when, which of the superior's findings it answers, the evidence uploaded
/// for it and its closure by the member (with a note).
/// </summary>
public sealed record PlanItem(
    string Id,
    string Title,
    string Owner,
    DateOnly Due,
    IReadOnlyList<EvidenceFile> Evidence,
    DateTimeOffset? ClosedAt = null,
    string? ClosedBy = null,
    string? ClosedNote = null,
    IReadOnlyList<string>? Covers = null)
{
    [JsonIgnore]
    public IReadOnlyList<string> Findings => Covers ?? [];
}

/// <summary>An uploaded document as stored: blob name, the type its content showed, size and SHA-256 (which makes a re-upload a no-op).</summary>
public sealed record EvidenceFile(string BlobName, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset At)
{
    [JsonIgnore]
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>A stored plan with the version tag its changes must match.</summary>
public sealed record StoredPlan(RemediationPlan Plan, string ETag);
