using PartyFunctions.Organisation;

namespace PartyFunctions.Access;

/// <summary>
/// Use case: issue (or rotate) the access codes of one cell or of every active cell under a unit. The codes go to
/// <c>handOut</c> (the sheet the office distributes) before their hashes replace the old ones, so no cell is left
/// with a stored code that nobody has seen.
/// </summary>
public sealed class IssueAccessCodes(IUnitStore units, IAccessCodeStore codes, TimeProvider clock)
{
    public async Task<IssueResult> RunAsync(
        string unitId, bool allUnder, Func<IReadOnlyList<IssuedAccessCode>, Task> handOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handOut);
        var today = VietnamDate.Today(clock);
        IReadOnlyList<Unit> cells;
        if (allUnder)
        {
            var subtree = await units.GetSubtreeAsync(unitId, cancellationToken);
            if (subtree.Count == 0)
            {
                return IssueResult.Failed($"Không tìm thấy đơn vị {unitId} / unknown unit {unitId}.");
            }

            cells = subtree.Where(u => u.Kind == UnitKind.Cell && u.IsActiveOn(today)).ToList();
        }
        else
        {
            var unit = await units.GetAsync(unitId, cancellationToken);
            if (unit is null)
            {
                return IssueResult.Failed($"Không tìm thấy đơn vị {unitId} / unknown unit {unitId}.");
            }

            if (unit.Kind != UnitKind.Cell)
            {
                return IssueResult.Failed($"{unitId} không phải chi bộ; dùng --all-under để cấp mã cho các chi bộ trực thuộc / {unitId} is not a cell; use --all-under.");
            }

            cells = [unit];
        }

        var now = clock.GetUtcNow();
        var issued = cells.Select(c => new IssuedAccessCode(c, AccessCode.New(), now)).ToList();
        await handOut(issued);
        // PBKDF2 is deliberately slow: spread a province's hashes over the cores.
        var hashes = issued.AsParallel().Select(i => (i.Cell.Id, AccessCodeHash.Create(i.Code, now))).ToList();
        await codes.SaveCodesAsync(hashes, cancellationToken);
        return new IssueResult(issued.Count, null);
    }
}

/// <summary>How many codes were issued, or why none were.</summary>
public sealed record IssueResult(int Issued, string? Error)
{
    public static IssueResult Failed(string error) => new(0, error);
}
