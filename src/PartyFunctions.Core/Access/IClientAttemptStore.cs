namespace PartyFunctions.Access;

/// <summary>
/// Port: the wrong codes recently typed from one client (a keyed hash of its address, <see cref="ClientAddresses"/>),
/// saved with optimistic concurrency like a unit's. The store forgets a client a day after its last write, so clients
/// that never come back cost nothing for long.
/// </summary>
public interface IClientAttemptStore
{
    /// <summary>The client's attempts and an opaque version (null when nothing is stored).</summary>
    Task<(FailedAttempts Attempts, string? Version)> GetAsync(string client, CancellationToken cancellationToken);

    /// <summary>
    /// Saves when <paramref name="version"/> is still current (null: nothing stored yet) and answers the new version
    /// (empty when no failures are left and nothing is stored); null when another writer won.
    /// </summary>
    Task<string?> TrySaveAsync(string client, FailedAttempts attempts, string? version, CancellationToken cancellationToken);
}
