using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Submissions;
using PartyFunctions.Infrastructure.Submissions;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Concurrency;

/// <summary>
/// Two devices send the same month at the same moment, each to another instance of the app: one wins, the other is
/// told in Vietnamese that the month changed meanwhile (409), nothing is lost, and the archive keeps both requests.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MonthRaceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Two_amendments_sent_at_once_to_two_instances_one_wins_the_other_is_told_in_Vietnamese_and_both_are_archived()
    {
        var gate = new ReadGate();
        await using var world = await SubmissionWorld.CreateAsync(azurite, services => ReadTogether(services, gate));
        Assert.Equal(HttpStatusCode.OK, (await world.PostFormAsync(world.Form())).Status);
        await using var other = world.Host.StartAnotherInstance();
        gate.Arm(racers: 2);

        var answers = await RaceAsync(
            () => world.PostFormAsync(world.Form(("criteria.conduct", "18"))),
            () => other.SendAsync(HttpMethod.Post, "/api/form", new FormUrlEncodedContent(world.Form(("criteria.conduct", "19")))));

        AssertOneWon(answers, "vừa được thay đổi bởi một lần gửi khác");
        Assert.Equal(2, (await world.StoredAsync())!.Version);
        Assert.Equal(3, await world.ArchivedAsync());
    }

    [Fact]
    public async Task Two_confirmations_sent_at_once_to_two_instances_one_wins_the_other_is_told_in_Vietnamese_and_both_are_archived()
    {
        var gate = new ReadGate();
        await using var world = await SubmissionWorld.CreateAsync(azurite, services => ReadTogether(services, gate));
        Assert.Equal(HttpStatusCode.OK, (await world.PostFormAsync(world.Form())).Status);
        await using var other = world.Host.StartAnotherInstance();
        gate.Arm(racers: 2);
        var link = world.Host.Services.GetRequiredService<LinkSigner>().Sign(
            new SignedLink("confirm", SubmissionWorld.Superior, world.Clock.GetUtcNow().AddDays(30), "binh@tumai.dang.vn"));
        var path = $"/api/confirm/{SubmissionWorld.Cell}/2025-11";

        var answers = await RaceAsync(
            () => world.Host.SendAsync(HttpMethod.Post, path, Confirmation(link, "22", "", "RACE-CONF-A1")),
            () => other.SendAsync(HttpMethod.Post, path, Confirmation(link, "20", "Thiếu biên bản", "RACE-CONF-B2")));

        AssertOneWon(answers, "đã thay đổi từ khi đồng chí mở trang");
        var stored = (await world.StoredAsync())!;
        Assert.Equal(2, stored.Version);
        Assert.NotNull(stored.Confirmation);
        Assert.Equal(3, await world.ArchivedAsync());
    }

    private static void ReadTogether(IServiceCollection services, ReadGate gate) =>
        services.AddSingleton<IScoreStore>(sp => new ReadsTogetherScoreStore(ActivatorUtilities.CreateInstance<TableScoreStore>(sp), gate));

    /// <summary>Both requests start together; neither waits for the other.</summary>
    private static async Task<HttpResponseSnapshot[]> RaceAsync(params Func<Task<HttpResponseSnapshot>>[] requests)
    {
        using var start = new SemaphoreSlim(0);
        var running = requests.Select(async request =>
        {
            await start.WaitAsync();
            return await request();
        }).ToArray();
        start.Release(requests.Length);
        return await Task.WhenAll(running);
    }

    private static void AssertOneWon(HttpResponseSnapshot[] answers, string vietnamese)
    {
        Assert.All(answers, a => Assert.Null(a.Unhandled));
        var statuses = answers.Select(a => a.Status).Order().ToList();
        Assert.True(statuses.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]), string.Join("\n", answers.Select(a => a.ToString())));
        Assert.Contains(vietnamese, answers.Single(a => a.Status == HttpStatusCode.Conflict).Body, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Confirmation(string link, string conduct, string reason, string receipt) => new(new Dictionary<string, string>
    {
        ["link"] = link, ["version"] = "1", ["confirmerName"] = "Trần Thị Bình", ["reason"] = reason, ["receiptId"] = receipt,
        ["criteria.preparation"] = "15", ["criteria.attendance"] = "15", ["criteria.duration"] = "5", ["criteria.conduct"] = conduct,
        ["criteria.principles"] = "5", ["criteria.results"] = "23", ["criteria.closing"] = "10",
    });
}
