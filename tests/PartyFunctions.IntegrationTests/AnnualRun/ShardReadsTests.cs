using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.AnnualRun;
using PartyFunctions.Infrastructure.Submissions;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Organisation;

namespace PartyFunctions.IntegrationTests.AnnualRun;

/// <summary>
/// A shard waits once for its reads: the start sends each committee's path and cell count, the subtree is read at that
/// path (again by id when it no longer leads there), and a year longer than a page comes as month ranges side by side.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShardReadsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_start_sends_each_committees_path_and_active_cell_count_with_its_shard()
    {
        var province = await Province.CreateAsync(azurite);
        await using var host = province.Host;
        var units = host.Services.GetRequiredService<IUnitStore>();

        await host.RunTimerAsync("AnnualClassification", new TimerInfo());
        var sent = (await province.Shards.PeekMessagesAsync(32)).Value
            .Select(m => JsonSerializer.Deserialize<ShardMessage>(m.Body.ToString())!).ToList();

        Assert.Equal(4, sent.Count);
        foreach (var message in sent)
        {
            var committee = (await units.GetAsync(message.SuperiorId, default))!;
            var cells = (await units.GetChildrenAsync(message.SuperiorId, default)).Count(u => u.Kind == UnitKind.Cell && u.ActiveFrom.Year <= 2025);
            Assert.Equal((committee.Path, cells), (message.SuperiorPath, message.Cells));
            Assert.True(cells > 0, message.SuperiorId);
        }
    }

    [Fact]
    public async Task A_subtree_read_at_a_path_that_no_longer_leads_to_the_unit_is_read_again_by_its_id()
    {
        var province = await Province.CreateAsync(azurite);
        await using var host = province.Host;
        var units = host.Services.GetRequiredService<IUnitStore>();
        var byId = (await units.GetSubtreeAsync("Q.G2", default)).Select(u => u.Id).ToList();
        var path = (await units.GetAsync("Q.G2", default))!.Path!;

        var atPath = await units.GetSubtreeAtAsync("Q.G2", path, default);
        var stale = await units.GetSubtreeAtAsync("Q.G2", (await units.GetAsync("Q.G1", default))!.Path!, default);

        Assert.Equal(byId, atPath.Select(u => u.Id));
        Assert.Equal(byId, stale.Select(u => u.Id));
        Assert.True(byId.Count > 1);
    }

    [Theory]
    [InlineData(84)]
    [InlineData(500)]
    [InlineData(5_000)]
    public async Task A_year_read_in_month_ranges_side_by_side_has_every_row_of_the_single_scan(int cells)
    {
        var province = await Province.CreateAsync(azurite);
        await using var host = province.Host;
        var scores = ActivatorUtilities.CreateInstance<TableScoreStore>(host.Services);

        var whole = await scores.GetYearBandsAsync("Q.G2", 2025, default);
        var split = await scores.GetYearBandsAsync("Q.G2", 2025, cells, default);

        Assert.NotEmpty(whole);
        Assert.Equal(
            whole.Select(b => (b.UnitId, b.Month)).Order(),
            split.Select(b => (b.UnitId, b.Month)).Order());
    }
}
