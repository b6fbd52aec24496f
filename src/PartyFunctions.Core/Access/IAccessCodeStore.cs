namespace PartyFunctions.Access;

/// <summary>
/// Port: code hashes and recent failed attempts per unit. Attempts are saved with optimistic concurrency: the version
/// read with them must still be current, so two instances counting failures at once cannot lose one. Saving no
/// failures removes what was stored.
/// </summary>
public interface IAccessCodeStore
{
    /// <summary>Replaces the unit's code (rotation): the previous code stops working.</summary>
    Task SaveCodesAsync(IReadOnlyCollection<(string UnitId, AccessCodeHash Hash)> codes, CancellationToken cancellationToken);

    /// <summary>
    /// The unit's code hash, its attempts (with their version) and the registry's copy of the unit in one read: the
    /// sign-in path needs all three, and they share the unit's partition.
    /// </summary>
    Task<CellCredentials> GetCredentialsAsync(string unitId, CancellationToken cancellationToken);

    /// <summary>The attempts and an opaque version (null when nothing is stored yet).</summary>
    Task<(FailedAttempts Attempts, string? Version)> GetAttemptsAsync(string unitId, CancellationToken cancellationToken);

    /// <summary>Saves when <paramref name="version"/> is still current (null: nothing stored yet); false when another writer won.</summary>
    Task<bool> TrySaveAttemptsAsync(string unitId, FailedAttempts attempts, string? version, CancellationToken cancellationToken);
}
