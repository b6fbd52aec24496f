using PartyFunctions.Organisation;
using PartyFunctions.Policy;

namespace PartyFunctions.Access;

/// <summary>
/// Use case: checks the access code a cell secretary typed (docs/security.md, item 1). A code authenticates its own cell
/// only, and a correct code is never refused because of anyone else's failures: there is no lock on a unit. Guessing is
/// throttled per client instead: a client (a keyed hash of its address) may have <see cref="ClientMaxFailures"/> wrong
/// codes within <see cref="FailedAttempts.Window"/>, and each check first reserves one of them, so a burst of parallel
/// guesses gets no more checks than the same guesses in sequence; a correct code gives its reservation back. A unit under
/// attack from many clients is slowed (every answer for it waits <see cref="UnitSlowDown"/>), not closed. Unknown units
/// cost the same hash and write nothing of their own. Never logs or returns the code.
/// </summary>
public sealed class AuthenticateCell(IUnitStore units, IAccessCodeStore codes, IClientAttemptStore clients, TimeProvider clock)
{
    /// <summary>Wrong codes one client may type within the window, over all units (a 59-bit code stays out of reach).</summary>
    public const int ClientMaxFailures = 10;

    /// <summary>Recent failures for one unit, from any clients, past which each answer for that unit is slowed.</summary>
    public const int UnitSlowAfter = 10;

    public static readonly TimeSpan UnitSlowDown = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a reservation may still be a check in flight (a hash, a unit's slow-down, a few requests) rather than a
    /// wrong code: a client over its budget only because of such young entries is told to retry in seconds, not at the
    /// end of the window, since right codes give theirs back in a moment.
    /// </summary>
    public static readonly TimeSpan InFlight = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan BusyRetry = TimeSpan.FromSeconds(5);

    private const int MaxConcurrencyRetries = 8;

    // One instance writes one client's blob at a time: many secretaries behind one address (an office, a carrier's
    // NAT) queue here for a moment instead of failing each other's ETags. Striped, so memory stays bounded.
    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    // A hash that no code matches: an unknown unit costs the same derivation as a known one, so timing tells nothing.
    private static readonly AccessCodeHash Decoy = AccessCodeHash.Create(AccessCode.New(), DateTimeOffset.UnixEpoch);

    private static readonly LocalizedText Wrong = new("Mã truy cập không đúng", "Wrong access code.");

    public async Task<CellAuthentication> RunAsync(string unitId, string? code, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitId);
        ArgumentNullException.ThrowIfNull(client);
        if (!UnitPath.IsValidId(unitId))
        {
            // Not a unit that could exist (nor a valid storage key): nothing is checked, so nothing is counted.
            return new CellAuthentication(CellAuthenticationOutcome.Rejected, Wrong);
        }

        // One query for the code, the unit's recent failures and the registry's copy of the unit, while the client's
        // budget is reserved: the reservation is written before any hash is derived.
        var credentialsRead = codes.GetCredentialsAsync(unitId, cancellationToken);
        var reservation = await ReserveAsync(client, cancellationToken);
        var credentials = await credentialsRead;
        if (reservation.RetryAt is { } retryAt)
        {
            return Throttled(retryAt, reservation.Busy);
        }

        var unitRead = credentials.Code is null ? Task.FromResult<Unit?>(null)
            : credentials.Unit is { } copy ? Task.FromResult<Unit?>(copy)
            : units.GetAsync(unitId, cancellationToken);
        var matches = (credentials.Code ?? Decoy).Matches(code ?? string.Empty) && credentials.Code is not null;
        var unit = await unitRead;
        var now = clock.GetUtcNow();
        if (credentials.Attempts.Recent(now) >= UnitSlowAfter)
        {
            // Real time, whatever the clock says: the wait is what slows a unit's attackers down.
            await Task.Delay(UnitSlowDown, cancellationToken);
        }

        if (matches && unit?.Kind == UnitKind.Cell)
        {
            await ReleaseAsync(client, reservation, cancellationToken);
            if (!credentials.Attempts.IsClear)
            {
                await TrySaveUnitAsync(unitId, _ => FailedAttempts.None, cancellationToken);
            }

            return new CellAuthentication(CellAuthenticationOutcome.Authenticated, new LocalizedText("Mã truy cập đúng", "Access code accepted."), Unit: unit);
        }

        if (credentials.Code is not null)
        {
            // Only units that have a code keep failures: an id that does not exist leaves nothing behind.
            await TrySaveUnitAsync(unitId, attempts => attempts.With(now), cancellationToken);
        }

        var left = ClientMaxFailures - reservation.Used;
        return new CellAuthentication(CellAuthenticationOutcome.Rejected, left > 0
            ? new LocalizedText($"Mã truy cập không đúng; kết nối này còn {left} lần thử", $"Wrong access code; {left} attempts left from this connection.")
            : Wrong);
    }

    /// <summary>Takes one of the client's attempts, or says when one is free again (busy: too many writers at once).</summary>
    private async Task<Reservation> ReserveAsync(string client, CancellationToken cancellationToken)
    {
        var stripe = Stripe(client);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            return await TryReserveAsync(client, cancellationToken);
        }
        finally
        {
            stripe.Release();
        }
    }

    private async Task<Reservation> TryReserveAsync(string client, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var (attempts, version) = await clients.GetAsync(client, cancellationToken);
            var now = clock.GetUtcNow();
            if (attempts.Recent(now) >= ClientMaxFailures)
            {
                return attempts.Recent(now) - attempts.Recent(now, within: InFlight) < ClientMaxFailures
                    ? new Reservation(now, ClientMaxFailures, now + BusyRetry, Busy: true)
                    : new Reservation(now, ClientMaxFailures, attempts.FreeAt(now), Busy: false);
            }

            var after = attempts.With(now);
            if (await clients.TrySaveAsync(client, after, version, cancellationToken) is { } saved)
            {
                return new Reservation(now, after.Failures.Count, null, Busy: false, after, saved);
            }

            await Backoff(attempt, cancellationToken);
        }

        // Never a 500: a client writing this fast is answered as throttled, briefly.
        return new Reservation(default, ClientMaxFailures, clock.GetUtcNow() + BusyRetry, Busy: true);
    }

    private async Task ReleaseAsync(string client, Reservation reservation, CancellationToken cancellationToken)
    {
        var stripe = Stripe(client);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            await TryReleaseAsync(client, reservation, cancellationToken);
        }
        finally
        {
            stripe.Release();
        }
    }

    private async Task TryReleaseAsync(string client, Reservation reservation, CancellationToken cancellationToken)
    {
        // First against the version the reservation wrote (one request when nobody else wrote since), then as read again.
        var (attempts, version) = (reservation.Saved!, reservation.Version);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            if (version is null || await clients.TrySaveAsync(client, attempts.Without(reservation.At, clock.GetUtcNow()), version, cancellationToken) is not null)
            {
                return;
            }

            (attempts, version) = await clients.GetAsync(client, cancellationToken);
            if (version is null)
            {
                return;
            }

            await Backoff(attempt, cancellationToken);
        }

        // Not given back: the client keeps one failure too many for at most the window. Harmless.
    }

    /// <summary>Best effort: a unit's failures only slow it down, so losing a write under contention is harmless.</summary>
    private async Task TrySaveUnitAsync(string unitId, Func<FailedAttempts, FailedAttempts> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (attempts, version) = await codes.GetAttemptsAsync(unitId, cancellationToken);
            var after = change(attempts);
            if ((version is null && after.IsClear) || await codes.TrySaveAttemptsAsync(unitId, after, version, cancellationToken))
            {
                return;
            }
        }
    }

    private SemaphoreSlim Stripe(string client) => stripes[(uint)StringComparer.Ordinal.GetHashCode(client) % (uint)stripes.Length];

    private static Task Backoff(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * (attempt + 1))), cancellationToken);

    private static CellAuthentication Throttled(DateTimeOffset retryAt, bool busy) => new(
        CellAuthenticationOutcome.Throttled,
        busy
            ? new LocalizedText("Có quá nhiều lần thử mã cùng lúc từ kết nối này; vui lòng thử lại sau ít giây.", "Too many attempts at once from this connection; try again in a few seconds.")
            : new LocalizedText(
                $"Có quá nhiều lần nhập sai mã từ kết nối này; vui lòng thử lại sau {VietnamDate.Format(retryAt)} (giờ Việt Nam).",
                $"Too many wrong codes from this connection; try again after {retryAt:u}."),
        retryAt);

    private sealed record Reservation(DateTimeOffset At, int Used, DateTimeOffset? RetryAt, bool Busy, FailedAttempts? Saved = null, string? Version = null);
}
