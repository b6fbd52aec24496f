namespace PartyFunctions.Organisation;

/// <summary>The four kinds of unit; the order is the hierarchy, top first.</summary>
public enum UnitKind
{
    /// <summary>Tỉnh ủy: the top of one deployment.</summary>
    Province,

    /// <summary>Huyện ủy / thành ủy: the optional middle level (removed by the 2025 reform; older data has it).</summary>
    District,

    /// <summary>Đảng ủy xã/phường, đảng bộ cơ sở: a cell's direct superior.</summary>
    Grassroots,

    /// <summary>Chi bộ: meets monthly and submits a self-score.</summary>
    Cell,
}

/// <summary>How kinds are written in import files, and which kind may sit under which.</summary>
public static class UnitKinds
{
    private static readonly Dictionary<string, UnitKind> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["province"] = UnitKind.Province,
        ["district"] = UnitKind.District,
        ["grassroots"] = UnitKind.Grassroots,
        ["cell"] = UnitKind.Cell,
    };

    public static string Code(this UnitKind kind) => kind.ToString().ToLowerInvariant();

    public static string VietnameseName(this UnitKind kind) => kind switch
    {
        UnitKind.Province => "tỉnh ủy",
        UnitKind.District => "huyện ủy",
        UnitKind.Grassroots => "đảng ủy cơ sở",
        _ => "chi bộ",
    };

    public static bool TryParse(string? text, out UnitKind kind) => ByCode.TryGetValue(text?.Trim() ?? string.Empty, out kind);

    /// <summary>
    /// A province has no parent; a district sits under a province; a grassroots committee under a district or,
    /// since the 2025 reform, directly under the province; a cell under a grassroots committee. So a cell
    /// always has two or three levels above it, and a cell never has children.
    /// </summary>
    public static bool MayHaveParent(this UnitKind kind, UnitKind parent) => (kind, parent) switch
    {
        (UnitKind.District, UnitKind.Province) => true,
        (UnitKind.Grassroots, UnitKind.Province or UnitKind.District) => true,
        (UnitKind.Cell, UnitKind.Grassroots) => true,
        _ => false,
    };

    public static bool IsCommittee(this UnitKind kind) => kind != UnitKind.Cell;
}
