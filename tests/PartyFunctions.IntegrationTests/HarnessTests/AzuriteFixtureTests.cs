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

    [Fact]
    public async Task An_on_disk_Azurite_restarts_on_the_same_ports_with_its_data_and_is_unreachable_while_stopped()
    {
        var azurite = await AzuriteFixture.StartOnDiskAsync();
        try
        {
            var ports = (azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
            var table = new TableClient(azurite.ConnectionString, "restart");
            await table.CreateIfNotExistsAsync();
            await table.AddEntityAsync(new TableEntity("p", "r") { ["Name"] = "trước khi dừng" });
            var queue = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, "restart");
            await queue.CreateIfNotExistsAsync();
            await queue.SendMessageAsync("pending");

            azurite.Stop();
            using (var client = new TcpClient())
            {
                await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", ports.TablePort));
            }

            await azurite.StartAgainAsync();

            Assert.Equal(ports, (azurite.BlobPort, azurite.QueuePort, azurite.TablePort));
            Assert.Equal("trước khi dừng", (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("Name"));
            Assert.Equal("pending", (await queue.ReceiveMessageAsync()).Value.Body.ToString());
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}
