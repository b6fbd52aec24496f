using System.Net;
using PartyFunctions.Health;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Health;

[Collection(AzuriteCollection.Name)]
public sealed class HealthFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public void Is_an_anonymous_GET_on_api_health()
    {
        var trigger = FunctionsMetadata.OfBuiltApp["Health"].Trigger;

        Assert.Equal("httpTrigger", trigger.Type);
        Assert.Equal("health", trigger.Route);
        Assert.Equal(["get"], trigger.Methods);
        Assert.Equal("Anonymous", trigger.AuthLevel);
    }

    [Fact]
    public async Task Answers_200_with_the_version_when_Azurite_answers()
    {
        // Its own heartbeats: another test's timers, run under a fake clock, must not make this one degraded.
        await using var host = FunctionHost.Create(azurite.Configuration(OwnHeartbeats()));

        var response = await host.SendAsync(HttpMethod.Get, "/api/health");

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        var report = response.Json<HealthReport>();
        Assert.True(report.Healthy);
        Assert.Equal((HealthReport.Ok, 0), (report.Status, report.LateTimers.Count));
        Assert.Equal(CheckHealth.Version, report.Version);
        Assert.Equal(["blobs", "queues", "tables"], report.Services.Select(s => s.Name).Order());
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_503_without_secrets_when_storage_is_down()
    {
        // Tables point at a port nothing listens on; blobs and queues still reach Azurite.
        var closedPort = ClosedPort();
        var connection = azurite.ConnectionString.Replace($":{azurite.TablePort}/", $":{closedPort}/", StringComparison.Ordinal);
        await using var host = FunctionHost.Create(AzuriteFixture.AppSettings(connection));

        var response = await host.SendAsync(HttpMethod.Get, "/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
        var report = response.Json<HealthReport>();
        Assert.False(report.Healthy);
        Assert.Equal(HealthReport.Unhealthy, report.Status);
        Assert.False(report.Services.Single(s => s.Name == "tables").Healthy);
        Assert.True(report.Services.Single(s => s.Name == "blobs").Healthy);
        Assert.DoesNotContain("AccountKey", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("devstoreaccount1", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_methods_and_paths_are_not_routed_to_it()
    {
        await using var host = FunctionHost.Create(azurite.Configuration());

        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(HttpMethod.Post, "/api/health")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(HttpMethod.Get, "/api/healthz")).Status);
    }

    private static Dictionary<string, string?> OwnHeartbeats() =>
        new() { [StorageNamespace.PrefixSetting] = "hh" + Guid.NewGuid().ToString("N")[..10] };

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
