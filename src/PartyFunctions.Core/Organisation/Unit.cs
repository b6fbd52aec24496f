using System.Text.Json.Serialization;

namespace PartyFunctions.Organisation;

/// <summary>
/// One unit of the organisation. <see cref="Path"/> is the materialised path of ids from the top unit down to
/// this one (see <see cref="UnitPath"/>); the registry sets it, an import row does not carry it.
/// </summary>
public sealed record Unit(
    string Id,
    string? ParentId,
    UnitKind Kind,
    string Name,
    DateOnly ActiveFrom,
    DateOnly? ActiveTo = null,
    string? SecretaryEmail = null,
    string? OfficeEmail = null,
    string? AssignedMemberName = null,
    string? AssignedMemberEmail = null,
    string? Path = null)
{
    /// <summary>Active on <paramref name="day"/>: both ends inclusive, as the annual roll-up counts months.</summary>
    public bool IsActiveOn(DateOnly day) => ActiveFrom <= day && (ActiveTo is null || day <= ActiveTo);

    /// <summary>The ids above this unit, the direct superior first; empty for the top unit or an unplaced unit.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> SuperiorIds => Path is null ? [] : UnitPath.Split(Path).Reverse().Skip(1).ToList();

    /// <summary>True when this unit is <paramref name="scopeUnitId"/> itself or lies in its subtree.</summary>
    public bool IsWithin(string scopeUnitId) => Path is not null && UnitPath.Split(Path).Contains(scopeUnitId, StringComparer.Ordinal);

    [JsonIgnore]
    public int Depth => Path is null ? 0 : UnitPath.Split(Path).Length - 1;
}
