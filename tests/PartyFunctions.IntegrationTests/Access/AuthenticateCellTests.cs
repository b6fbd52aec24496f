using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyFunctions.Access;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Organisation;

namespace PartyFunctions.IntegrationTests.Access;

/// <summary>Codes and lockout against Azurite, through the app's real wiring, with a fake clock.</summary>
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
    public async Task Five_wrong_codes_in_15_minutes_lock_the_unit_for_15_minutes_even_for_the_right_code()
    {
        await using var host = await HostAsync();
        var codes = await IssueAsync(host, "BN.TUMAI.DONGCAO", allUnder: true);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(CellAuthenticationOutcome.Rejected, (await AuthenticateAsync(host, Cb1, "WRONG-CODE-XX")).Outcome);
            clock.Advance(TimeSpan.FromMinutes(3));
        }

        var fifthAt = clock.GetUtcNow();
        var fifth = await AuthenticateAsync(host, Cb1, "WRONG-CODE-XX");
        clock.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await AuthenticateAsync(host, Cb1, codes[Cb1]);
        var otherCell = await AuthenticateAsync(host, Cb2, codes[Cb2]);
        clock.Advance(TimeSpan.FromMinutes(1));
        var afterLock = await AuthenticateAsync(host, Cb1, codes[Cb1]);

        Assert.Equal(CellAuthenticationOutcome.LockedOut, fifth.Outcome);
        Assert.Equal(fifthAt + TimeSpan.FromMinutes(15), fifth.LockedUntil);
        Assert.Contains("bị khóa đến", fifth.Message.Vi, StringComparison.Ordinal);
        Assert.Equal(CellAuthenticationOutcome.LockedOut, stillLocked.Outcome);
        Assert.True(otherCell.Succeeded, "the lock is per unit");
        Assert.True(afterLock.Succeeded, afterLock.Message.Vi);
    }

    [Fact]
    public async Task Failures_older_than_15_minutes_do_not_count()
    {
        await using var host = await HostAsync();
        var code = (await IssueAsync(host, Cb1))[Cb1];
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(CellAuthenticationOutcome.Rejected, (await AuthenticateAsync(host, Cb1, "WRONG")).Outcome);
            clock.Advance(TimeSpan.FromMinutes(4));
        }

        Assert.True((await AuthenticateAsync(host, Cb1, code)).Succeeded);
    }

    [Fact]
    public async Task The_lock_holds_across_instances_and_concurrent_attempts_are_all_counted()
    {
        await using var host = await HostAsync();
        var code = (await IssueAsync(host, Cb1))[Cb1];
        // A second app instance over the same storage (same settings, same clock).
        await using var other = FunctionHost.Create(host.Configuration, s => s.AddSingleton<TimeProvider>(clock));

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            AuthenticateAsync(i % 2 == 0 ? host : other, Cb1, "WRONG-" + i)));

        Assert.Contains(results, r => r.Outcome == CellAuthenticationOutcome.LockedOut);
        Assert.Equal(CellAuthenticationOutcome.LockedOut, (await AuthenticateAsync(other, Cb1, code)).Outcome);
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

    private static Task<CellAuthentication> AuthenticateAsync(FunctionHost host, string unitId, string code) =>
        host.Services.GetRequiredService<AuthenticateCell>().RunAsync(unitId, code, default);
}
