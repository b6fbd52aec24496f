using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.AnnualRun;
using PartyFunctions.Configuration;
using PartyFunctions.Infrastructure.AnnualRun;
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
    public async Task The_start_sends_each_committee_and_its_cells_without_addresses_so_no_shard_reads_the_unit_tree()
    {
        var log = new StorageRequestLog(azurite);
        var province = await Province.CreateAsync(azurite, log.Register);
        province.Store.Failing = false;
        await using var host = province.Host;
        var units = host.Services.GetRequiredService<IUnitStore>();
        Assert.NotNull((await units.GetAsync("Q.G2", default))?.OfficeEmail);

        await host.RunTimerAsync("AnnualClassification", new TimerInfo());
        var bodies = (await province.Shards.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToList();
        Assert.Equal(4, bodies.Count);
        foreach (var body in bodies)
        {
            Assert.DoesNotContain("@", body, StringComparison.Ordinal);
            var message = JsonSerializer.Deserialize<ShardMessage>(body)!;
            var expected = (await units.GetSubtreeAsync(message.SuperiorId, default))
                .Where(u => u.Id == message.SuperiorId || (u.ParentId == message.SuperiorId && u.Kind == UnitKind.Cell)).Select(u => u.Id).Order();
            Assert.Equal(expected, message.Subtree!.Select(u => u.Id).Order());
        }

        var during = await log.DuringAsync(() => host.DrainQueueAsync(StorageNames.ClassificationShardsQueue));

        Assert.DoesNotContain(during, r => r.Service == "table" && r.Path.Contains(StorageNames.UnitTreeTable, StringComparison.Ordinal));
        Assert.NotEmpty(await host.Services.GetRequiredService<IAnnualResultStore>().GetAsync(2025, "Q.G2", default));
    }

    [Fact]
    public async Task A_cell_added_after_the_start_is_not_in_the_run_which_classifies_the_registry_the_start_read()
    {
        var province = await Province.CreateAsync(azurite);
        province.Store.Failing = false;
        await using var host = province.Host;
        await host.RunTimerAsync("AnnualClassification", new TimerInfo());
        var added = await host.Services.GetRequiredService<ImportUnits>().RunAsync(System.Text.Encoding.UTF8.GetBytes(
            "id,parent,kind,name,activeFrom,activeTo,secretaryEmail,officeEmail,assignedMemberName,assignedMemberEmail\n" +
            "Q.G2.CNEW,Q.G2,cell,Chi bộ mới,2025-01-01,,,,,\n"), deactivateMissing: false, default);
        Assert.True(added.Succeeded, string.Join("\n", added.Errors));

        await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);

        var results = await host.Services.GetRequiredService<IAnnualResultStore>().GetAsync(2025, "Q.G2", default);
        Assert.NotEmpty(results);
        Assert.DoesNotContain(results, r => r.UnitId == "Q.G2.CNEW");
    }

    [Fact]
    public void A_committee_too_large_for_one_queue_message_is_sent_without_its_subtree()
    {
        var committee = new Unit("Q.G9", "Q", UnitKind.Grassroots, "Đảng ủy xã Chín", new DateOnly(2020, 1, 1), Path: "Q/Q.G9");
        Unit Cell(int i) => new($"Q.G9.C{i:0000}", "Q.G9", UnitKind.Cell, $"Chi bộ khu dân cư số {i} phường Thượng Đình", new DateOnly(2020, 1, 1), Path: $"Q/Q.G9/Q.G9.C{i:0000}");
        var small = new ShardMessage("run", 2025, "Q.G9", "Q/Q.G9", 10, [committee, .. Enumerable.Range(0, 10).Select(Cell)]);
        var large = small with { Cells = 2_000, Subtree = [committee, .. Enumerable.Range(0, 2_000).Select(Cell)] };

        var smallBody = QueueShardDispatcher.Body(small);
        var largeBody = QueueShardDispatcher.Body(large);

        Assert.Equal(11, JsonSerializer.Deserialize<ShardMessage>(smallBody)!.Subtree?.Count);
        Assert.Null(JsonSerializer.Deserialize<ShardMessage>(largeBody)!.Subtree);
        Assert.Equal((2_000, "Q/Q.G9"), (JsonSerializer.Deserialize<ShardMessage>(largeBody)!.Cells, JsonSerializer.Deserialize<ShardMessage>(largeBody)!.SuperiorPath));
        Assert.True(Encoding.UTF8.GetByteCount(largeBody) < QueueShardDispatcher.MaxMessageBytes);
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
