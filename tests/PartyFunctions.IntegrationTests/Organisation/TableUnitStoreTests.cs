using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Organisation;

namespace PartyFunctions.IntegrationTests.Organisation;

[Collection(AzuriteCollection.Name)]
public sealed class TableUnitStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_subtree_is_the_unit_and_everything_under_it_and_nothing_beside_it()
    {
        await using var host = await ImportedAsync(SampleUnits.Rows.Append("BN.TUMAI.DONGCAOX,BN.TUMAI,grassroots,Đảng ủy xã lân cận,2020-01-01,,,vp@x.dang.vn,,").ToArray());

        var subtree = await Store(host).GetSubtreeAsync("BN.TUMAI.DONGCAO", default);

        // BN.TUMAI.DONGCAOX shares the prefix but is a sibling: the key range must leave it out.
        Assert.Equal(["BN.TUMAI.DONGCAO", "BN.TUMAI.DONGCAO.CB1", "BN.TUMAI.DONGCAO.CB2"], subtree.Select(u => u.Id));
    }

    [Fact]
    public async Task Children_are_the_direct_children_only()
    {
        await using var host = await ImportedAsync(SampleUnits.Rows);

        var children = await Store(host).GetChildrenAsync("BN", default);

        Assert.Equal(["BN.PHUONG1", "BN.TUMAI"], children.Select(u => u.Id));
    }

    [Fact]
    public async Task The_superiors_of_a_cell_come_nearest_first_with_two_or_three_levels()
    {
        await using var host = await ImportedAsync(SampleUnits.Rows);

        var threeLevels = await Store(host).GetSuperiorsAsync("BN.TUMAI.DONGCAO.CB1", default);
        var twoLevels = await Store(host).GetSuperiorsAsync("BN.PHUONG1.CB1", default);

        Assert.Equal(["BN.TUMAI.DONGCAO", "BN.TUMAI", "BN"], threeLevels.Select(u => u.Id));
        Assert.Equal("vp@dongcao.dang.vn", threeLevels[0].OfficeEmail);
        Assert.Equal(["BN.PHUONG1", "BN"], twoLevels.Select(u => u.Id));
        Assert.Empty(await Store(host).GetSuperiorsAsync("BN", default));
        Assert.Empty(await Store(host).GetSuperiorsAsync("NO.SUCH", default));
    }

    [Fact]
    public async Task Moving_a_committee_moves_its_cells_subtree_too()
    {
        await using var host = await ImportedAsync(SampleUnits.Rows);

        // The 2025 reform: the grassroots committee now sits directly under the province.
        var report = await ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv(SampleUnits.With(
            "BN.TUMAI.DONGCAO,BN,grassroots,Đảng ủy xã Đông Cao,2020-01-01,,,vp@dongcao.dang.vn,Trần Thị Bình,binh@tumai.dang.vn")));

        // The committee and its two cells: their stored paths all change.
        Assert.Equal(3, report.Updated);
        Assert.Equal(["BN.TUMAI.DONGCAO", "BN"], (await Store(host).GetSuperiorsAsync("BN.TUMAI.DONGCAO.CB1", default)).Select(u => u.Id));
        Assert.Equal(["BN.TUMAI"], (await Store(host).GetSubtreeAsync("BN.TUMAI", default)).Select(u => u.Id));
        Assert.Equal(9 - 2, (await Store(host).GetSubtreeAsync("BN", default)).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("BN'or'1'eq'1")]
    [InlineData("#?")]
    public async Task Ids_that_cannot_exist_read_as_unknown(string id)
    {
        await using var host = await ImportedAsync(SampleUnits.Rows);

        Assert.Null(await Store(host).GetAsync(id, default));
        Assert.Empty(await Store(host).GetSubtreeAsync(id, default));
    }

    private async Task<FunctionHost> ImportedAsync(string[] rows)
    {
        var host = FunctionHost.Create(TestSettings.For(azurite));
        await ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv(rows));
        return host;
    }

    private static IUnitStore Store(FunctionHost host) => host.Services.GetRequiredService<IUnitStore>();
}
