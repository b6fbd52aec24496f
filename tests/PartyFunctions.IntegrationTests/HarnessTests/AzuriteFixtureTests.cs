using System.Diagnostics;
using System.Net.Sockets;
using Azure.Data.Tables;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.HarnessTests;

public sealed class AzuriteFixtureTests
{
    [Fact]
    public async Task Starts_on_free_ports_serves_tables_and_dies_with_its_process_tree()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var pid = azurite.ProcessId;
        var tablePort = azurite.TablePort;
        try
        {
            Assert.Equal(3, new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort }.Distinct().Count());
            Assert.DoesNotContain(10002, new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort });

            var table = new TableClient(azurite.ConnectionString, "harness");
            await table.CreateIfNotExistsAsync();
            await table.AddEntityAsync(new TableEntity("p", "r") { ["Name"] = "Chi bộ thôn Đống Cao" });
            var read = await table.GetEntityAsync<TableEntity>("p", "r");
            Assert.Equal("Chi bộ thôn Đống Cao", read.Value.GetString("Name"));
        }
        finally
        {
            await azurite.DisposeAsync();
        }

        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", tablePort));
    }

    [Fact]
    public async Task Two_fixtures_run_side_by_side_without_sharing_data()
    {
        var first = new AzuriteFixture();
        var second = new AzuriteFixture();
        await Task.WhenAll(first.InitializeAsync(), second.InitializeAsync());
        try
        {
            Assert.NotEqual(first.TablePort, second.TablePort);
            await new TableClient(first.ConnectionString, "only1").CreateIfNotExistsAsync();

            var tablesInSecond = new List<string>();
            await foreach (var table in new TableServiceClient(second.ConnectionString).QueryAsync())
            {
                tablesInSecond.Add(table.Name);
            }

            Assert.DoesNotContain("only1", tablesInSecond);
        }
        finally
        {
            await Task.WhenAll(first.DisposeAsync(), second.DisposeAsync());
        }
    }
}
