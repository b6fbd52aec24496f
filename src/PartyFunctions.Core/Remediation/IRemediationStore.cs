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

    /// <summary>Every plan of one year (by its period's year), any unit or state: a committee's tracker filters its subtree.</summary>
    Task<IReadOnlyList<RemediationPlan>> GetOfYearAsync(int year, CancellationToken cancellationToken);
}

/// <summary>Port: evidence documents as blobs.</summary>
public interface IEvidenceStore
{
    Task SaveAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>The document's bytes, or null when the blob is gone.</summary>
    Task<byte[]?> ReadAsync(string blobName, CancellationToken cancellationToken);
}
