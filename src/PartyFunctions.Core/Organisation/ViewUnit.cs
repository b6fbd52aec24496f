using PartyFunctions.Access;
using PartyFunctions.Policy;

namespace PartyFunctions.Organisation;

/// <summary>
/// Use case: a superior opens a unit from a signed "view" link in its email and sees it with its direct children,
/// when the unit lies within the link's scope. The link is the credential.
/// </summary>
public sealed class ViewUnit(SubtreeAccess access, IUnitStore units)
{
    public const string Action = "view";

    public async Task<UnitView> RunAsync(string? token, string unitId, CancellationToken cancellationToken)
    {
        var allowed = await access.AuthoriseAsync(token, Action, unitId, cancellationToken);
        return allowed.Allowed
            ? new UnitView(allowed.Unit, await units.GetChildrenAsync(unitId, cancellationToken), null)
            : new UnitView(null, [], allowed.Message);
    }
}

/// <summary>The unit and its direct children, or why the link does not reach it.</summary>
public sealed record UnitView(Unit? Unit, IReadOnlyList<Unit> Children, LocalizedText? Refusal);
