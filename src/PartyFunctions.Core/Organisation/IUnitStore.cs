namespace PartyFunctions.Organisation;

/// <summary>
/// Port: the unit registry. Reads are the hot ones (one unit, children, subtree, chain of superiors); every unit
/// returned carries its <see cref="Unit.Path"/>.
/// </summary>
public interface IUnitStore
{
    /// <summary>One unit by id (a point read), or null.</summary>
    Task<Unit?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The direct children of a unit, ordered by id.</summary>
    Task<IReadOnlyList<Unit>> GetChildrenAsync(string id, CancellationToken cancellationToken);

    /// <summary>The unit and everything under it, depth first (one range query); empty when the unit is unknown.</summary>
    Task<IReadOnlyList<Unit>> GetSubtreeAsync(string id, CancellationToken cancellationToken);

    /// <summary>As <see cref="GetSubtreeAsync"/> for a unit whose path the caller holds: the range query alone, one request.</summary>
    Task<IReadOnlyList<Unit>> GetSubtreeAtAsync(string id, string path, CancellationToken cancellationToken) => GetSubtreeAsync(id, cancellationToken);

    /// <summary>The superiors of a unit, the direct superior first and the top unit last; empty when unknown.</summary>
    Task<IReadOnlyList<Unit>> GetSuperiorsAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every unit, active or not (the import compares against it).</summary>
    Task<IReadOnlyList<Unit>> GetAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes changed units (never deletes one), with every copy the store keeps of them (such as the one beside the
    /// unit's access code that sign-in reads). <see cref="UnitChange.Before"/> tells the store which keys a moved unit
    /// leaves. Idempotent: a failed call can be repeated with the same changes.
    /// </summary>
    Task SaveAsync(IReadOnlyCollection<UnitChange> changes, CancellationToken cancellationToken);

    /// <summary>
    /// The ids among <paramref name="stored"/> (as <see cref="GetAllAsync"/> answered) whose copies are missing or
    /// differ from the unit, e.g. units saved before a copy existed: saving them again repairs them.
    /// </summary>
    Task<IReadOnlySet<string>> FindStaleCopiesAsync(IReadOnlyCollection<Unit> stored, CancellationToken cancellationToken);
}

/// <summary>A unit as stored (null when new) and as it must become; both carry their paths.</summary>
public sealed record UnitChange(Unit? Before, Unit After);
