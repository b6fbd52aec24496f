using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using PartyFunctions.Organisation;

namespace PartyFunctions.Infrastructure.Organisation;

/// <summary>
/// How a placed unit is written in both unit tables and as the sign-in copy in <c>AccessCodes</c> (the same
/// properties; only the keys differ).
/// </summary>
public static class UnitEntities
{
    /// <summary>The row key of the unit's copy in its <c>AccessCodes</c> partition (PK = unit id), beside "code" and "attempts".</summary>
    public const string SignInCopyRow = "unit";

    /// <summary>Ids spread over 16 partitions by a stable hash: a point read still needs only the id, and an import can batch.</summary>
    public static string IdPartition(string id) =>
        "u" + (SHA256.HashData(Encoding.UTF8.GetBytes(id))[0] & 0x0F).ToString("x", CultureInfo.InvariantCulture);

    public static TableEntity ById(Unit unit) => Write(unit, IdPartition(unit.Id), unit.Id);

    public static TableEntity ByPath(Unit unit) => Write(unit, TreePartition(unit.Path!), unit.Path!);

    /// <summary>The copy sign-in reads with the code and the attempts in one partition query.</summary>
    public static TableEntity SignInCopy(Unit unit) => Write(unit, unit.Id, SignInCopyRow);

    /// <summary>The tree's partition: the top unit's id, so one deployment's subtree queries stay in one partition.</summary>
    public static string TreePartition(string path) => UnitPath.Split(path)[0];

    public static Unit Read(TableEntity entity) => new(
        entity.GetString("Id"),
        entity.GetString("ParentId"),
        Enum.Parse<UnitKind>(entity.GetString("Kind"), ignoreCase: true),
        entity.GetString("Name"),
        DateOnly.ParseExact(entity.GetString("ActiveFrom"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        entity.GetString("ActiveTo") is { } to ? DateOnly.ParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        entity.GetString("SecretaryEmail"),
        entity.GetString("OfficeEmail"),
        entity.GetString("AssignedMemberName"),
        entity.GetString("AssignedMemberEmail"),
        entity.GetString("Path"));

    private static TableEntity Write(Unit unit, string partitionKey, string rowKey) => new(partitionKey, rowKey)
    {
        ["Id"] = unit.Id,
        ["ParentId"] = unit.ParentId,
        ["Kind"] = unit.Kind.Code(),
        ["Name"] = unit.Name,
        ["ActiveFrom"] = unit.ActiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ActiveTo"] = unit.ActiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["SecretaryEmail"] = unit.SecretaryEmail,
        ["OfficeEmail"] = unit.OfficeEmail,
        ["AssignedMemberName"] = unit.AssignedMemberName,
        ["AssignedMemberEmail"] = unit.AssignedMemberEmail,
        ["Path"] = unit.Path,
        ["Depth"] = unit.Depth,
    };
}
