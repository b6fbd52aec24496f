namespace PartyFunctions.Organisation;

/// <summary>
/// The registry as an import would leave it: the stored units overlaid by the file's rows. Checks the hierarchy
/// rules for every row (parents known, kinds in order, no cycles) and places every unit on its materialised path.
/// </summary>
public sealed class UnitHierarchy
{
    private readonly Dictionary<string, Unit> units;
    private readonly Dictionary<string, int> lineOf;

    private UnitHierarchy(Dictionary<string, Unit> units, Dictionary<string, int> lineOf)
    {
        this.units = units;
        this.lineOf = lineOf;
    }

    /// <summary>
    /// Overlays <paramref name="rows"/> on <paramref name="stored"/>. When <paramref name="fileIsComplete"/> (the
    /// import deactivates what the file lacks) a row's parent must be in the file itself.
    /// </summary>
    public static (UnitHierarchy? Hierarchy, IReadOnlyList<ImportError> Errors) Build(
        IReadOnlyList<UnitRow> rows, IReadOnlyCollection<Unit> stored, bool fileIsComplete)
    {
        var errors = new List<ImportError>();
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!lineOf.TryAdd(row.Unit.Id, row.Line))
            {
                errors.Add(new ImportError(row.Line,
                    $"Mã đơn vị {row.Unit.Id} trùng với dòng {lineOf[row.Unit.Id]} / duplicate id {row.Unit.Id}, first on line {lineOf[row.Unit.Id]}."));
            }
        }

        var units = stored.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var firstRows = rows.Where(r => lineOf[r.Unit.Id] == r.Line).ToList();
        foreach (var row in firstRows)
        {
            units[row.Unit.Id] = row.Unit;
        }

        var hierarchy = new UnitHierarchy(units, lineOf);
        foreach (var row in firstRows)
        {
            hierarchy.CheckParent(row, fileIsComplete, errors);
        }

        hierarchy.CheckStoredChildren(errors);
        hierarchy.CheckCycles(firstRows, errors);
        return errors.Count == 0 ? (hierarchy, []) : (null, errors.OrderBy(e => e.Line).ToList());
    }

    /// <summary>Every unit, stored or from the file, with its path set from the merged parents.</summary>
    public IReadOnlyList<Unit> Placed()
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        string PathOf(Unit unit) =>
            paths.TryGetValue(unit.Id, out var known) ? known
            : paths[unit.Id] = unit.ParentId is null ? unit.Id : UnitPath.Child(PathOf(units[unit.ParentId]), unit.Id);
        return units.Values.Select(u => u with { Path = PathOf(u) }).ToList();
    }

    private void CheckParent(UnitRow row, bool fileIsComplete, List<ImportError> errors)
    {
        var unit = row.Unit;
        if (unit.Kind == UnitKind.Province)
        {
            if (unit.ParentId is not null)
            {
                errors.Add(new ImportError(row.Line, $"Tỉnh ủy là cấp cao nhất, không có đơn vị cha / a province has no parent (got {unit.ParentId})."));
            }

            return;
        }

        if (unit.ParentId is null)
        {
            errors.Add(new ImportError(row.Line, $"Thiếu đơn vị cha của {unit.Kind.VietnameseName()} {unit.Id} / the parent is missing."));
            return;
        }

        var inFile = lineOf.ContainsKey(unit.ParentId);
        if (!inFile && (fileIsComplete || !units.ContainsKey(unit.ParentId)))
        {
            errors.Add(new ImportError(row.Line, fileIsComplete && units.ContainsKey(unit.ParentId)
                ? $"Đơn vị cha {unit.ParentId} không có trong tệp nên sẽ bị ngừng hoạt động / parent {unit.ParentId} is not in the file and would be deactivated."
                : $"Không tìm thấy đơn vị cha {unit.ParentId} / unknown parent {unit.ParentId}."));
            return;
        }

        var parent = units[unit.ParentId];
        if (!unit.Kind.MayHaveParent(parent.Kind))
        {
            errors.Add(new ImportError(row.Line, parent.Kind == UnitKind.Cell
                ? $"Đơn vị cha {parent.Id} là chi bộ; chi bộ không có đơn vị trực thuộc / parent {parent.Id} is a cell, and a cell cannot have children."
                : $"{unit.Kind.VietnameseName()} không thể trực thuộc {parent.Kind.VietnameseName()} {parent.Id} / a {unit.Kind.Code()} cannot be under a {parent.Kind.Code()}."));
        }
    }

    /// <summary>A stored unit the file does not mention keeps its parent; that parent's new kind must still allow it.</summary>
    private void CheckStoredChildren(List<ImportError> errors)
    {
        foreach (var child in units.Values.Where(u => !lineOf.ContainsKey(u.Id) && u.ParentId is not null && lineOf.ContainsKey(u.ParentId)))
        {
            var parent = units[child.ParentId!];
            if (!child.Kind.MayHaveParent(parent.Kind))
            {
                errors.Add(new ImportError(lineOf[parent.Id],
                    $"{parent.Id} là {parent.Kind.VietnameseName()} nhưng đã có đơn vị trực thuộc {child.Id} ({child.Kind.VietnameseName()}) / {parent.Id} is a {parent.Kind.Code()} but already has the {child.Kind.Code()} {child.Id} under it."));
            }
        }
    }

    private void CheckCycles(IReadOnlyList<UnitRow> rows, List<ImportError> errors)
    {
        foreach (var row in rows)
        {
            var seen = new List<string> { row.Unit.Id };
            var current = row.Unit;
            while (current.ParentId is { } parentId && units.TryGetValue(parentId, out var parent))
            {
                if (parentId == row.Unit.Id)
                {
                    var cycle = string.Join(" → ", seen.Append(parentId));
                    errors.Add(new ImportError(row.Line, $"Quan hệ cấp trên tạo vòng lặp / the parents form a cycle: {cycle}."));
                    break;
                }

                if (seen.Contains(parentId, StringComparer.Ordinal))
                {
                    break; // a cycle above this row, reported on its own rows
                }

                seen.Add(parentId);
                current = parent;
            }
        }
    }
}
