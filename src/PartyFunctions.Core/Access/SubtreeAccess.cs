using PartyFunctions.Organisation;
using PartyFunctions.Policy;

namespace PartyFunctions.Access;

/// <summary>
/// Use case: what a superior's signed link lets it reach. A link scoped to a unit reaches that unit and its
/// subtree, nothing above or beside it.
/// </summary>
public sealed class SubtreeAccess(LinkSigner signer, IUnitStore units)
{
    /// <summary>The unit <paramref name="unitId"/> when <paramref name="token"/> is valid for <paramref name="action"/> and covers it.</summary>
    public Task<SubtreeAccessResult> AuthoriseAsync(string? token, string action, string unitId, CancellationToken cancellationToken) =>
        AuthoriseAsync(token, [action], unitId, cancellationToken);

    /// <summary>As above, for a page that more than one kind of link may open (the first action's refusal is the one told).</summary>
    public async Task<SubtreeAccessResult> AuthoriseAsync(string? token, IReadOnlyList<string> actions, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var verification = actions.Select(action => signer.Verify(token, action)).FirstOrDefault(v => v.IsValid) ?? signer.Verify(token, actions[0]);
        if (!verification.IsValid)
        {
            return new SubtreeAccessResult(verification.Status, null, verification.Message);
        }

        var unit = await units.GetAsync(unitId, cancellationToken);
        return unit is not null && unit.IsWithin(verification.Link!.ScopeUnitId)
            ? new SubtreeAccessResult(LinkStatus.Valid, unit, verification.Message)
            : new SubtreeAccessResult(LinkStatus.WrongAction, null,
                new LocalizedText("Liên kết này không cho phép xem đơn vị đó", "This link does not cover that unit."));
    }
}

/// <summary>The unit reached, or why not (a unit outside the scope reads as not covered, whether it exists or not).</summary>
public sealed record SubtreeAccessResult(LinkStatus Status, Unit? Unit, LocalizedText Message)
{
    public bool Allowed => Unit is not null;
}
