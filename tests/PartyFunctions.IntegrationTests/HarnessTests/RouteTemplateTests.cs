
namespace PartyFunctions.IntegrationTests.HarnessTests;

public sealed class RouteTemplateTests
{
    [Theory]
    [InlineData("api/health", "api/health", true)]
    [InlineData("api/health", "api/Health/", true)]
    [InlineData("api/health", "api/health/extra", false)]
    [InlineData("api/health", "api/form", false)]
    [InlineData("api/scores/{unitId}/{period}", "api/scores/BN.TUMAI/2025-11", true)]
    [InlineData("api/scores/{unitId}/{period}", "api/scores/BN.TUMAI", false)]
    [InlineData("api/reports/{year:int}/{superiorId?}", "api/reports/2025", true)]
    public void Matches_paths_as_the_host_routes_them(string template, string path, bool matches)
    {
        Assert.Equal(matches, RouteTemplate.Match(template, path) is not null);
    }

    [Fact]
    public void Binds_route_values_unescaped()
    {
        var values = RouteTemplate.Match("api/scores/{unitId}/{period}", "api/scores/BN.T%C6%AF%20MAI/2025-11");

        Assert.NotNull(values);
        Assert.Equal("BN.TƯ MAI", values["unitId"]);
        Assert.Equal("2025-11", values["period"]);
    }
}
