using PartyFunctions.Alerts;

namespace PartyFunctions.Remediation;

/// <summary>Port: remediation plans by alert key (a point read); changes are guarded by the plan's version tag.</summary>
public interface IRemediationStore
{
    Task<StoredPlan?> GetAsync(AlertKey key, CancellationToken cancellationToken);

    /// <summary>Adds a plan; false when one exists for the key.</summary>
    Task<bool> TryAddAsync(RemediationPlan plan, CancellationToken cancellationToken);

    /// <summary>Replaces the plan only if it is still at <paramref name="etag"/>.</summary>
    Task<bool> TryReplaceAsync(RemediationPlan plan, string etag, CancellationToken cancellationToken);
}

/// <summary>Port: evidence documents as blobs.</summary>
public interface IEvidenceStore
{
    Task SaveAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);
}
