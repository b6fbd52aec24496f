using PartyFunctions.Access;
using PartyFunctions.Organisation;
using PartyFunctions.Scoring;

namespace PartyFunctions.Remediation;

/// <summary>
/// Use case: the superior's findings, from whom they may come. The findings page acts with a signed "remediation" link
/// covering the unit (as the member's review), or the standing committee's "decide" link, with which its decision page
/// links each cell's findings; administrators through the admin API, once the host and
/// <see cref="AdminPrincipal"/> let them in. Each request is checked for its credential, the address and the recorder's
/// name, then handed to <see cref="RecordFindings"/>; a read only shows what is stored.
/// </summary>
public sealed class FindingsRequests(SubtreeAccess access, IUnitStore units, IFindingsStore findings, RecordFindings record, TimeProvider clock)
{
    public const int MaxBy = 200;

    private static readonly string[] FindingsActions = [PlanLinks.ReviewAction, AnnualRun.AnnualRunLinks.DecideAction];

    /// <summary>The unit and its findings as stored, for the page's GET.</summary>
    public async Task<FindingsPage> ShowAsync(string? token, string unitId, int year, CancellationToken cancellationToken)
    {
        if (await DeniedAsync(token, unitId, year, cancellationToken) is { } denied)
        {
            return denied;
        }

        var unit = (await units.GetAsync(unitId, cancellationToken))!;
        return new FindingsPage(FindingsStatus.Unchanged, unit, (await findings.GetAsync(unitId, year, cancellationToken))?.Findings, [], Shown: true);
    }

    /// <summary>The page's POST: <paramref name="text"/> holds one finding per line.</summary>
    public async Task<FindingsPage> RecordAsync(string? token, string unitId, int year, string? text, string? by, CancellationToken cancellationToken)
    {
        if (await DeniedAsync(token, unitId, year, cancellationToken) is { } denied)
        {
            return denied;
        }

        var unit = (await units.GetAsync(unitId, cancellationToken))!;
        var outcome = await RunAsync(unit, year, (text ?? string.Empty).Split('\n'), by, cancellationToken);
        return new FindingsPage(outcome.Status, unit, outcome.Findings ?? (await findings.GetAsync(unitId, year, cancellationToken))?.Findings, outcome.Errors);
    }

    /// <summary>The admin API's PUT (the caller is already an administrator).</summary>
    public async Task<FindingsOutcome> RecordAsAdminAsync(string unitId, int year, IReadOnlyList<string?>? lines, string? by, CancellationToken cancellationToken)
    {
        if (AddressError(unitId, year) is { } error)
        {
            return FindingsOutcome.Invalid(error);
        }

        return await units.GetAsync(unitId, cancellationToken) is { } unit
            ? await RunAsync(unit, year, lines, by, cancellationToken)
            : new FindingsOutcome(FindingsStatus.NotFound, null, [new FieldError("unitId", "unit", $"Không có đơn vị {unitId}", $"No unit {unitId}.")]);
    }

    private async Task<FindingsOutcome> RunAsync(Unit unit, int year, IReadOnlyList<string?>? lines, string? by, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(by) || by.Trim().Length > MaxBy
            ? FindingsOutcome.Invalid(new FieldError("by", "by", $"Cần ghi họ tên người ghi (tối đa {MaxBy} ký tự)", $"Give the recorder's name (at most {MaxBy} characters)."))
            : await record.RunAsync(unit, year, lines, by.Trim(), cancellationToken);

    private async Task<FindingsPage?> DeniedAsync(string? token, string unitId, int year, CancellationToken cancellationToken)
    {
        if (AddressError(unitId, year) is { } error)
        {
            return new FindingsPage(FindingsStatus.Invalid, null, null, [error]);
        }

        var allowed = await access.AuthoriseAsync(token, FindingsActions, unitId, cancellationToken);
        return allowed.Allowed ? null
            : new FindingsPage(FindingsStatus.Forbidden, null, null, [new FieldError("", "link", allowed.Message.Vi, allowed.Message.En)]);
    }

    /// <summary>Route values become table keys: a malformed unit id or a year far from now is a 400, never a storage error.</summary>
    private FieldError? AddressError(string unitId, int year) =>
        UnitPath.IsValidId(unitId) && year >= 2000 && year <= VietnamDate.DayOf(clock.GetUtcNow()).Year + 1
            ? null
            : new FieldError("", "address", "Địa chỉ không hợp lệ: mã đơn vị hoặc năm sai", "The address is not valid: the unit id or the year is malformed.");
}

/// <summary>
/// What the findings page shows: the unit (null when refused), its findings as they now stand, and what the request did
/// (<see cref="Shown"/> for a plain GET) or the errors by field.
/// </summary>
public sealed record FindingsPage(FindingsStatus Status, Unit? Unit, UnitFindings? Findings, IReadOnlyList<FieldError> Errors, bool Shown = false);
