using System.Net;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Submissions;

namespace PartyFunctions.IntegrationTests.Security;

/// <summary>Issue 15 item 6: route values that would be table keys are checked, so a bad one is 400, never a 500.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RouteKeysTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("annual-weak%23x", "2025")]
    [InlineData("annual-weak", "2025%3Fx")]
    [InlineData("annual-weak", "2025%5Cx")]
    [InlineData("annual-weak", "2025%01")]
    [InlineData("annual-weak", "2025%0A")]
    public async Task A_remediation_route_value_that_is_no_key_is_400_for_a_cell_signed_in_with_its_code(string rule, string period)
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        var headers = new Dictionary<string, string> { ["X-Access-Code"] = world.Code };

        var read = await world.Host.SendAsync(HttpMethod.Get, $"/api/remediation/{SubmissionWorld.Cell}/{rule}/{period}", headers: headers);
        var plan = await world.Host.SendAsync(HttpMethod.Put, $"/api/remediation/{SubmissionWorld.Cell}/{rule}/{period}",
            System.Net.Http.Json.JsonContent.Create(new { items = new[] { new { title = "t", owner = "o", due = "2026-01-31" } } }), headers);

        Assert.True(read.Status == HttpStatusCode.BadRequest, read.ToString());
        Assert.True(plan.Status == HttpStatusCode.BadRequest, plan.ToString());
    }
}
