using PartyFunctions.Organisation;

namespace PartyFunctions.Access;

/// <summary>
/// What sign-in reads about one unit in a single query: its code hash, its failed attempts (with the version to save
/// them against) and the copy of the unit kept beside them. <see cref="Unit"/> is null when no copy exists yet (a
/// unit saved before the copies existed, until the next import writes it): sign-in then reads the registry.
/// </summary>
public sealed record CellCredentials(AccessCodeHash? Code, FailedAttempts Attempts, string? AttemptsVersion, Unit? Unit)
{
    public static readonly CellCredentials None = new(null, FailedAttempts.None, null, null);
}
