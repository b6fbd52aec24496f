using PartyFunctions.Organisation;
using PartyFunctions.Policy;

namespace PartyFunctions.Access;

/// <summary>
/// Use case: checks the access code a cell secretary typed. A code authenticates its own cell only. Five wrong codes
/// for a unit within 15 minutes lock that unit for 15 minutes; the lock is stored, so every instance honours it,
/// and a correct code does not open a locked form. Never logs or returns the code.
/// </summary>
public sealed class AuthenticateCell(IUnitStore units, IAccessCodeStore codes, TimeProvider clock)
{
    private const int MaxConcurrencyRetries = 10;

    public async Task<CellAuthentication> RunAsync(string unitId, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitId);
        if (!UnitPath.IsValidId(unitId))
        {
            // Not a unit that could exist (nor a valid storage key): nothing to count or lock.
            return new CellAuthentication(CellAuthenticationOutcome.Rejected, new LocalizedText("Mã truy cập không đúng", "Wrong access code."));
        }

        // One query: the code, the attempts and the copy of the unit the registry keeps beside them.
        var credentials = await codes.GetCredentialsAsync(unitId, cancellationToken);
        if (credentials.Attempts.IsLocked(clock.GetUtcNow()))
        {
            return Locked(credentials.Attempts.LockedUntil!.Value);
        }

        // Without a code nothing can match, so the unit is not needed. Without a copy (a unit saved before copies
        // existed and not imported since), the registry is read while the hash is derived.
        var unitRead = credentials.Code is null ? Task.FromResult<Unit?>(null)
            : credentials.Unit is { } copy ? Task.FromResult<Unit?>(copy)
            : units.GetAsync(unitId, cancellationToken);
        var matches = credentials.Code?.Matches(code ?? string.Empty) == true;
        var unit = await unitRead;
        if (matches && unit?.Kind == UnitKind.Cell)
        {
            if (!credentials.Attempts.IsClear)
            {
                await ClearAsync(unitId, cancellationToken);
            }

            return new CellAuthentication(CellAuthenticationOutcome.Authenticated, new LocalizedText("Mã truy cập đúng", "Access code accepted."), Unit: unit);
        }

        return await RecordFailureAsync(unitId, cancellationToken);
    }

    private async Task<CellAuthentication> RecordFailureAsync(string unitId, CancellationToken cancellationToken)
    {
        // Read, change, write with the version read; when another instance wrote first, read again and re-apply.
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var (attempts, version) = await codes.GetAttemptsAsync(unitId, cancellationToken);
            var now = clock.GetUtcNow();
            if (attempts.IsLocked(now))
            {
                return Locked(attempts.LockedUntil!.Value);
            }

            var after = attempts.AfterFailure(now);
            if (await codes.TrySaveAttemptsAsync(unitId, after, version, cancellationToken))
            {
                return after.LockedUntil is { } until
                    ? Locked(until)
                    : new CellAuthentication(CellAuthenticationOutcome.Rejected,
                        new LocalizedText($"Mã truy cập không đúng; còn {after.RemainingAttempts(now)} lần thử", $"Wrong access code; {after.RemainingAttempts(now)} attempts left."));
            }
        }

        throw new InvalidOperationException($"Could not record a failed attempt for {unitId}: too many concurrent writers.");
    }

    private async Task ClearAsync(string unitId, CancellationToken cancellationToken)
    {
        var (attempts, version) = await codes.GetAttemptsAsync(unitId, cancellationToken);
        // Losing this race is harmless: the other writer recorded a newer state, which stands.
        _ = attempts.IsLocked(clock.GetUtcNow()) || await codes.TrySaveAttemptsAsync(unitId, FailedAttempts.None, version, cancellationToken);
    }

    private static CellAuthentication Locked(DateTimeOffset until) => new(
        CellAuthenticationOutcome.LockedOut,
        new LocalizedText(
            $"Đã nhập sai mã {FailedAttempts.MaxFailures} lần trong {FailedAttempts.Window.TotalMinutes:0} phút: biểu mẫu của chi bộ bị khóa đến " +
            $"{VietnamDate.Format(until)} (giờ Việt Nam).",
            $"Too many wrong codes: this cell's form is locked until {until:u}."),
        until);
}
