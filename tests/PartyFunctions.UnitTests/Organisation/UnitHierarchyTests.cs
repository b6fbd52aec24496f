using PartyFunctions.Organisation;

namespace PartyFunctions.UnitTests.Organisation;

public sealed class UnitHierarchyTests
{
    private static readonly DateOnly From = new(2020, 1, 1);

    [Fact]
    public void Places_every_unit_on_its_materialised_path()
    {
        var (hierarchy, errors) = UnitHierarchy.Build(
            [Row(2, "P", null, UnitKind.Province), Row(3, "P.G", "P", UnitKind.Grassroots), Row(4, "P.G.C", "P.G", UnitKind.Cell)], [], false);

        Assert.Empty(errors);
        var cell = hierarchy!.Placed().Single(u => u.Id == "P.G.C");
        Assert.Equal("P!P.G!P.G.C", cell.Path);
        Assert.Equal(["P.G", "P"], cell.SuperiorIds);
        Assert.True(cell.IsWithin("P.G"));
        Assert.False(cell.IsWithin("P.G.C2"));
    }

    [Fact]
    public void Reports_cycles_unknown_parents_wrong_levels_and_duplicates_all_at_once()
    {
        var (hierarchy, errors) = UnitHierarchy.Build(
        [
            Row(2, "P", null, UnitKind.Province),
            Row(3, "G1", "G2", UnitKind.Grassroots),
            Row(4, "G2", "G1", UnitKind.Grassroots),
            Row(5, "C1", "NOPE", UnitKind.Cell),
            Row(6, "C2", "P", UnitKind.Cell),
            Row(7, "P", null, UnitKind.Province),
            Row(8, "D", null, UnitKind.District),
        ], [], false);

        Assert.Null(hierarchy);
        Assert.Contains(errors, e => e.Line == 3 && e.Message.Contains("cycle: G1 → G2 → G1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 4 && e.Message.Contains("cycle", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 5 && e.Message.Contains("unknown parent NOPE", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 6 && e.Message.Contains("cannot be under a province", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 7 && e.Message.Contains("first on line 2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 8 && e.Message.Contains("parent is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_turning_a_stored_committee_into_a_cell_is_refused_while_cells_sit_under_it()
    {
        var stored = new[]
        {
            new Unit("P", null, UnitKind.Province, "P", From, Path: "P"),
            new Unit("P.G", "P", UnitKind.Grassroots, "G", From, Path: "P!P.G"),
            new Unit("P.G.C", "P.G", UnitKind.Cell, "C", From, Path: "P!P.G!P.G.C"),
        };

        var (_, errors) = UnitHierarchy.Build([Row(2, "P.G", "P", UnitKind.Cell)], stored, false);

        Assert.Contains(errors, e => e.Line == 2 && e.Message.Contains("already has the cell P.G.C", StringComparison.Ordinal));
    }

    [Fact]
    public void With_deactivate_missing_a_parent_must_be_in_the_file()
    {
        var stored = new[] { new Unit("P", null, UnitKind.Province, "P", From, Path: "P") };

        var (_, partial) = UnitHierarchy.Build([Row(2, "P.G", "P", UnitKind.Grassroots)], stored, fileIsComplete: false);
        var (_, complete) = UnitHierarchy.Build([Row(2, "P.G", "P", UnitKind.Grassroots)], stored, fileIsComplete: true);

        Assert.Empty(partial);
        Assert.Contains("would be deactivated", Assert.Single(complete).Message, StringComparison.Ordinal);
    }

    private static UnitRow Row(int line, string id, string? parent, UnitKind kind) => new(line, new Unit(id, parent, kind, id, From));
}
