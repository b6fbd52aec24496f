using System.Text.Json.Nodes;
using PartyFunctions.Policy;

namespace PartyFunctions.UnitTests.Policy;

public sealed class PolicyCatalogTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("packs").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string WritePack(string file, string id, string effectiveFrom, string series = "vn", int preparation = 15)
    {
        var pack = JsonNode.Parse(RepoFiles.Read("src/PartyFunctions.Core/Policy/Packs/vn-2025.json"))!.AsObject();
        pack["id"] = id;
        pack["series"] = series;
        pack["effectiveFrom"] = effectiveFrom;
        pack["criteria"]![0]!["max"] = preparation;
        pack["totalPoints"] = 85 + preparation;
        var path = Path.Combine(directory, file);
        File.WriteAllText(path, pack.ToJsonString());
        return path;
    }

    [Fact]
    public void The_embedded_catalog_ships_vn_2025_and_phu_tho()
    {
        Assert.Equal(["phu-tho", "vn-2025"], PolicyCatalog.Embedded.Entries.Select(e => e.Pack.Id));
        Assert.All(PolicyCatalog.Embedded.Entries, e => Assert.Equal(PolicyCatalog.EmbeddedSource, e.Source));
    }

    [Theory]
    [InlineData("2025-10-27", null)]
    [InlineData("2025-10-28", "vn-2025")]
    [InlineData("2026-06-30", "vn-2025")]
    [InlineData("2026-07-01", "vn-2026")]
    public void The_pack_in_force_is_the_latest_of_the_series_effective_on_or_before_the_date(string date, string? expected)
    {
        var catalog = PolicyCatalog.Load(null, [WritePack("a.json", "vn-2026", "2026-07-01")]).Catalog;

        Assert.Equal(expected, catalog.InForce(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))?.Id);
    }

    [Fact]
    public void Another_series_is_picked_only_when_named()
    {
        var date = new DateOnly(2025, 12, 1);

        Assert.Equal("vn-2025", PolicyCatalog.Embedded.InForce(date)?.Id);
        Assert.Equal("phu-tho", PolicyCatalog.Embedded.InForce(date, "phu-tho")?.Id);
    }

    [Fact]
    public void A_month_uses_the_pack_in_force_on_its_last_day()
    {
        Assert.Equal("vn-2025", PolicyCatalog.Embedded.InForceForMonth(2025, 10)?.Id);
        Assert.Null(PolicyCatalog.Embedded.InForceForMonth(2025, 9));
    }

    [Fact]
    public void An_administrator_pack_overrides_the_embedded_pack_of_the_same_id()
    {
        WritePack("override.json", "vn-2025", "2025-10-28", preparation: 20);

        var loaded = PolicyCatalog.Load(directory);

        Assert.Empty(loaded.Errors);
        Assert.Equal(20, loaded.Catalog.Find("vn-2025")!.Criteria[0].Max);
        Assert.EndsWith("override.json", loaded.Catalog.Entries.Single(e => e.Pack.Id == "vn-2025").Source, StringComparison.Ordinal);
        Assert.Equal(15, PolicyCatalog.Embedded.Find("vn-2025")!.Criteria[0].Max);
    }

    [Fact]
    public void A_broken_administrator_pack_is_reported_with_its_file_and_left_out()
    {
        var path = WritePack("broken.json", "hanoi", "2025-10-28");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"totalPoints\":100", "\"totalPoints\":99", StringComparison.Ordinal));

        var loaded = PolicyCatalog.Load(directory);

        Assert.Null(loaded.Catalog.Find("hanoi"));
        Assert.Equal([$"{path}: criteria: the criteria maxima add up to 100, not totalPoints 99"], loaded.Errors);
    }
}
