using Moq;
using PartyFunctions.Health;

namespace PartyFunctions.UnitTests.Health;

public sealed class CheckHealthTests
{
    [Fact]
    public async Task Healthy_when_every_storage_service_answers()
    {
        var report = await Check(new ServiceHealth("tables", true, 3), new ServiceHealth("blobs", true, 2));

        Assert.True(report.Healthy);
        Assert.Equal(2, report.Services.Count);
        Assert.False(string.IsNullOrWhiteSpace(report.Version));
    }

    [Fact]
    public async Task Unhealthy_when_any_storage_service_fails()
    {
        var report = await Check(new ServiceHealth("tables", true, 3), new ServiceHealth("queues", false, 5000, "HTTP 503"));

        Assert.False(report.Healthy);
        Assert.Equal("HTTP 503", report.Services.Single(s => s.Name == "queues").Error);
    }

    [Fact]
    public async Task Unhealthy_when_nothing_was_probed()
    {
        var report = await Check();

        Assert.False(report.Healthy);
    }

    private static Task<HealthReport> Check(params ServiceHealth[] services)
    {
        var probe = new Mock<IStorageProbe>();
        probe.Setup(p => p.ProbeAsync(It.IsAny<CancellationToken>())).ReturnsAsync(services);
        return new CheckHealth(probe.Object).RunAsync(CancellationToken.None);
    }
}
