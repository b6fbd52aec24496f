using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyFunctions.Access;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Organisation;
using PartyFunctions.Organisation;

namespace PartyFunctions.IntegrationTests.Access;

/// <summary>A superior's signed link, through the real function: its own subtree only, never tampered or expired.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnitFunctionTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Is_an_anonymous_GET_because_the_link_is_the_credential()
    {
        var trigger = FunctionsMetadata.OfBuiltApp["Unit"].Trigger;

        Assert.Equal(("units/{id}", "Anonymous"), (trigger.Route, trigger.AuthLevel));
        Assert.Equal(["get"], trigger.Methods);
    }

    [Fact]
    public async Task A_link_for_a_subtree_reads_units_inside_it_and_not_another_subtree_or_above()
    {
        await using var host = await HostAsync();
        var link = Sign(host, "BN.TUMAI.DONGCAO");

        var own = await host.SendAsync(HttpMethod.Get, $"/api/units/BN.TUMAI.DONGCAO?link={link}");
        var cell = await host.SendAsync(HttpMethod.Get, $"/api/units/BN.TUMAI.DONGCAO.CB1?link={link}");
        var sibling = await host.SendAsync(HttpMethod.Get, $"/api/units/BN.PHUONG1.CB1?link={link}");
        var above = await host.SendAsync(HttpMethod.Get, $"/api/units/BN.TUMAI?link={link}");

        Assert.True(own.Status == HttpStatusCode.OK, own.ToString());
        Assert.Equal(["BN.TUMAI.DONGCAO.CB1", "BN.TUMAI.DONGCAO.CB2"], own.Json<UnitViewJson>().Children.Select(c => c.Id));
        Assert.Equal("Chi bộ thôn Đông", cell.Json<UnitViewJson>().Unit.Name);
        Assert.Equal(HttpStatusCode.Forbidden, sibling.Status);
        Assert.Equal(HttpStatusCode.Forbidden, above.Status);
        Assert.DoesNotContain("Chi bộ khu phố", sibling.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_link_is_refused()
    {
        await using var host = await HostAsync();
        var link = Sign(host, "BN.TUMAI.DONGCAO");
        var forged = host.Services.GetRequiredService<LinkSigner>().Sign(new SignedLink("view", "BN", clock.GetUtcNow().AddDays(7)));
        var widened = forged.Split('.')[0] + "." + link.Split('.')[1];

        var response = await host.SendAsync(HttpMethod.Get, $"/api/units/BN.PHUONG1.CB1?link={widened}");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        var problem = response.Json<System.Text.Json.JsonElement>();
        Assert.Equal(("https://partyfunctions.example/problems/forbidden", 403), (problem.GetProperty("type").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.Contains("không hợp lệ", problem.GetProperty("vi").GetString(), StringComparison.Ordinal);
        Assert.Contains("not valid", problem.GetProperty("en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_signed_with_another_key_is_refused()
    {
        await using var host = await HostAsync();
        var otherKey = new LinkSigningKey(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var foreign = new LinkSigner(otherKey, clock).Sign(new SignedLink("view", "BN", clock.GetUtcNow().AddDays(7)));

        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Get, $"/api/units/BN?link={foreign}")).Status);
    }

    [Fact]
    public async Task An_expired_link_is_refused_with_a_message_saying_so()
    {
        await using var host = await HostAsync();
        var link = Sign(host, "BN.TUMAI.DONGCAO");
        clock.Advance(TimeSpan.FromDays(7));

        var response = await host.SendAsync(HttpMethod.Get, $"/api/units/BN.TUMAI.DONGCAO?link={link}");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Contains("hết hạn", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?link=")]
    [InlineData("?link=abc")]
    [InlineData("?link=a.b.c")]
    [InlineData("?link=%00%FF.%2F")]
    public async Task A_missing_or_garbled_link_is_a_403_not_a_500(string query)
    {
        await using var host = await HostAsync();

        var response = await host.SendAsync(HttpMethod.Get, "/api/units/BN" + query);

        Assert.True(response.Status == HttpStatusCode.Forbidden, response.ToString());
    }

    [Fact]
    public async Task Without_a_signing_key_the_error_names_the_setting()
    {
        var settings = TestSettings.For(azurite, new Dictionary<string, string?> { [LinkSigningKey.Setting] = null });
        await using var host = FunctionHost.Create(settings);

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<LinkSigner>());

        Assert.Contains("Links__SigningKey", error.Message, StringComparison.Ordinal);
    }

    private async Task<FunctionHost> HostAsync()
    {
        var host = FunctionHost.Create(TestSettings.For(azurite), s => s.AddSingleton<TimeProvider>(clock));
        await ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv());
        return host;
    }

    private string Sign(FunctionHost host, string scope) =>
        host.Services.GetRequiredService<LinkSigner>().Sign(new SignedLink(ViewUnit.Action, scope, clock.GetUtcNow().AddDays(7)));

    private sealed record UnitViewJson(UnitSummary Unit, IReadOnlyList<UnitSummary> Children);
}
