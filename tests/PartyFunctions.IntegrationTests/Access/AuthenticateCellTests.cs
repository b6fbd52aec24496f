using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyFunctions.Access;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Organisation;

namespace PartyFunctions.IntegrationTests.Access;

/// <summary>Codes and the per-client throttle against Azurite, through the app's real wiring, with a fake clock.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuthenticateCellTests(AzuriteFixture azurite)
{
    private const string Cb1 = "BN.TUMAI.DONGCAO.CB1", Cb2 = "BN.TUMAI.DONGCAO.CB2";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_cells_code_authenticates_that_cell_and_not_another()
    {
        await using var host = await HostAsync();
        var codes = await IssueAsync(host, "BN.TUMAI.DONGCAO", allUnder: true);

        Assert.True((await AuthenticateAsync(host, Cb1, codes[Cb1])).Succeeded);
        Assert.True((await AuthenticateAsync(host, Cb2, codes[Cb2])).Succeeded);
        Assert.Equal(CellAuthenticationOutcome.Rejected, (await AuthenticateAsync(host, Cb2, codes[Cb1])).Outcome);
    }

    [Fact]
    public async Task A_code_is_accepted_as_people_type_it()
    {
        await using var host = await HostAsync();
        var code = (await IssueAsync(host, Cb1))[Cb1];

        Assert.True((await AuthenticateAsync(host, Cb1, " " + AccessCode.Display(code).ToLowerInvariant() + " ")).Succeeded);
    }

    [Fact]
    public async Task Issuing_again_rotates_the_code()
    {
        await using var host = await HostAsync();
        var old = (await IssueAsync(host, Cb1))[Cb1];
        var fresh = (await IssueAsync(host, Cb1))[Cb1];

        Assert.Equal(CellAuthenticationOutcome.Rejected, (await AuthenticateAsync(host, Cb1, old)).Outcome);
        Assert.True((await AuthenticateAsync(host, Cb1, fresh)).Succeeded);
    }

    [Fact]
    public async Task Wrong_codes_from_other_clients_never_refuse_the_right_code()
    {
        await using var host = await HostAsync();
        var codes = await IssueAsync(host, "BN.TUMAI.DONGCAO", allUnder: true);
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(CellAuthenticationOutcome.Rejected, (await AuthenticateAsync(host, Cb1, "WRONG-CODE-XX", "attacker-" + (i % 3))).Outcome);
        }

        Assert.True((await AuthenticateAsync(host, Cb1, codes[Cb1], "secretary")).Succeeded);
    }

    [Fact]
    public async Task A_client_with_ten_wrong_codes_in_15_minutes_is_throttled_until_the_oldest_counts_no_more()
    {
        await using var host = await HostAsync();
        var codes = await IssueAsync(host, "BN.TUMAI.DONGCAO", allUnder: true);
        var firstAt = clock.GetUtcNow();
        for (var i = 0; i < AuthenticateCell.ClientMaxFailures; i++)
        {
            Assert.Equal(CellAuthenticationOutcome.Rejected, (await AuthenticateAsync(host, i % 2 == 0 ? Cb1 : Cb2, "WRONG-CODE-XX")).Outcome);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var throttled = await AuthenticateAsync(host, Cb1, codes[Cb1]);
        var otherClient = await AuthenticateAsync(host, Cb1, codes[Cb1], "another-client");
        clock.Advance(firstAt + FailedAttempts.Window - clock.GetUtcNow());
        var later = await AuthenticateAsync(host, Cb1, codes[Cb1]);

        Assert.Equal(CellAuthenticationOutcome.Throttled, throttled.Outcome);
        Assert.Equal(firstAt + FailedAttempts.Window, throttled.RetryAt);
        Assert.Contains("thử lại sau", throttled.Message.Vi, StringComparison.Ordinal);
        Assert.True(otherClient.Succeeded, "the throttle is per client");
        Assert.True(later.Succeeded, later.Message.Vi);
    }

    [Fact]
    public async Task A_client_over_its_budget_only_by_checks_seconds_old_is_told_to_retry_in_seconds_then_the_window_once_they_settled()
    {
        await using var host = await HostAsync();
        var code = (await IssueAsync(host, Cb1))[Cb1];
        for (var i = 0; i < AuthenticateCell.ClientMaxFailures; i++)
        {
            Assert.Equal(CellAuthenticationOutcome.Rejected, (await AuthenticateAsync(host, Cb1, "WRONG-CODE-XX")).Outcome);
        }

        var now = clock.GetUtcNow();
        var young = await AuthenticateAsync(host, Cb1, code);
        clock.Advance(AuthenticateCell.InFlight);
        var settled = await AuthenticateAsync(host, Cb1, code);

        Assert.Equal((CellAuthenticationOutcome.Throttled, CellAuthenticationOutcome.Throttled), (young.Outcome, settled.Outcome));
        Assert.Contains("thử lại sau ít giây", young.Message.Vi, StringComparison.Ordinal);
        Assert.InRange(young.RetryAt!.Value, now, now + AuthenticateCell.InFlight);
        Assert.Equal(now + FailedAttempts.Window, settled.RetryAt);
        Assert.Contains("(giờ Việt Nam)", settled.Message.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_older_than_15_minutes_do_not_count()
    {
        await using var host = await HostAsync();
        var code = (await IssueAsync(host, Cb1))[Cb1];
        for (var i = 0; i < 2 * AuthenticateCell.ClientMaxFailures; i++)
        {
            Assert.Equal(CellAuthenticationOutcome.Rejected, (await AuthenticateAsync(host, Cb1, "WRONG")).Outcome);
            clock.Advance(TimeSpan.FromMinutes(4));
        }

        Assert.True((await AuthenticateAsync(host, Cb1, code)).Succeeded);
    }

    [Fact]
    public async Task A_parallel_burst_on_two_instances_gets_no_more_checks_than_the_same_codes_in_sequence_and_no_500()
    {
        await using var host = await HostAsync();
        var code = (await IssueAsync(host, Cb1))[Cb1];
        // A second app instance over the same storage (same settings, same clock).
        await using var other = FunctionHost.Create(host.Configuration, s => s.AddSingleton<TimeProvider>(clock));

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            AuthenticateAsync(i % 2 == 0 ? host : other, Cb1, "WRONG-" + i)));

        Assert.InRange(results.Count(r => r.Outcome == CellAuthenticationOutcome.Rejected), 1, AuthenticateCell.ClientMaxFailures);
        Assert.All(results, r => Assert.NotEqual(CellAuthenticationOutcome.Authenticated, r.Outcome));
        Assert.Equal(CellAuthenticationOutcome.Throttled, (await AuthenticateAsync(other, Cb1, code)).Outcome);
    }

    [Fact]
    public async Task A_right_code_gives_its_reservation_back_so_secretaries_behind_one_address_are_never_throttled()
    {
        await using var host = await HostAsync();
        var codes = await IssueAsync(host, "BN.TUMAI.DONGCAO", allUnder: true);

        for (var i = 0; i < 3 * AuthenticateCell.ClientMaxFailures; i++)
        {
            Assert.True((await AuthenticateAsync(host, i % 2 == 0 ? Cb1 : Cb2, codes[i % 2 == 0 ? Cb1 : Cb2], "office-nat")).Succeeded);
        }
    }

    [Fact]
    public async Task A_wrong_code_for_a_unit_that_does_not_exist_stores_nothing_for_that_unit()
    {
        await using var host = await HostAsync();
        await IssueAsync(host, Cb1);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(CellAuthenticationOutcome.Rejected, (await AuthenticateAsync(host, "NO.SUCH.CELL" + i, "ABCD-EFGH-JKMN", "client-" + i)).Outcome);
        }

        var table = await host.Services.GetRequiredService<PartyFunctions.Infrastructure.Organisation.OrganisationTables>().AccessCodesAsync(default);
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey.CompareTo("NO.SUCH.CELL") >= 0 && e.PartitionKey.CompareTo("NO.SUCH.CELM") < 0))
        {
            rows.Add(row.PartitionKey + "/" + row.RowKey);
        }

        Assert.Empty(rows);
    }

    [Theory]
    [InlineData("BN.TUMAI.DONGCAO")]
    [InlineData("NO.SUCH.CELL")]
    [InlineData("bad/key#")]
    public async Task Units_that_are_not_cells_with_codes_never_authenticate(string unitId)
    {
        await using var host = await HostAsync();
        await IssueAsync(host, Cb1);

        Assert.Equal(CellAuthenticationOutcome.Rejected, (await AuthenticateAsync(host, unitId, "ABCD-EFGH-JKMN")).Outcome);
    }

    private async Task<FunctionHost> HostAsync()
    {
        var host = FunctionHost.Create(TestSettings.For(azurite), s => s.AddSingleton<TimeProvider>(clock));
        await ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv());
        return host;
    }

    internal static async Task<Dictionary<string, string>> IssueAsync(FunctionHost host, string unitId, bool allUnder = false)
    {
        var codes = new Dictionary<string, string>();
        var result = await host.Services.GetRequiredService<IssueAccessCodes>().RunAsync(unitId, allUnder, issued =>
        {
            foreach (var code in issued)
            {
                codes[code.Cell.Id] = code.Code;
            }

            return Task.CompletedTask;
        }, default);
        Assert.Null(result.Error);
        return codes;
    }

    private static Task<CellAuthentication> AuthenticateAsync(FunctionHost host, string unitId, string code, string client = "one-client") =>
        host.Services.GetRequiredService<AuthenticateCell>().RunAsync(unitId, code, client, default);
}
