using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.Cli;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Infrastructure.Submissions;

namespace PartyFunctions.IntegrationTests.Submissions;

/// <summary><c>party restore-scores</c>: months lost from the scores table come back from the archive exactly as they were.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RestoreScoresTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Lost_months_are_rebuilt_from_the_archive_as_they_were_refused_requests_stay_refused_and_present_months_are_untouched()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        await HistoryAsync(world);
        var original = await MonthsAsync(world);
        await DeleteScoresAsync(world, SubmissionWorld.Cell);

        var (dryExit, dryOutput) = await RestoreAsync(world, "--dry-run");
        Assert.Equal(0, dryExit);
        Assert.Contains($"missing: {SubmissionWorld.Cell} 2025-10", dryOutput, StringComparison.Ordinal);
        Assert.Contains($"missing: {SubmissionWorld.Cell} 2025-11", dryOutput, StringComparison.Ordinal);
        Assert.Null(await world.StoredAsync());

        var (exit, output) = await RestoreAsync(world);
        var (againExit, again) = await RestoreAsync(world);

        Assert.Equal(0, exit);
        // November: first, amendment, confirmation applied; the amendment after the confirmation refused, as it was.
        Assert.True(output.Contains("1 month(s) present, 2 restored (4 request(s) applied, 1 refused", StringComparison.Ordinal), output);
        Assert.Equal(original, await MonthsAsync(world));
        Assert.Equal(0, againExit);
        Assert.Contains("3 month(s) present, 0 restored", again, StringComparison.Ordinal);
    }

    /// <summary>
    /// November for the cell: a JSON submission, a form amendment, the superior's correction, then an amendment the
    /// confirmation refuses; October filed late, after its cut-off; November for the other cell, never lost.
    /// </summary>
    private static async Task HistoryAsync(SubmissionWorld world)
    {
        Assert.Equal(HttpStatusCode.Created, (await world.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code))).Status);
        world.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await world.PostFormAsync(world.Form(("criteria.conduct", "20")))).Status);
        world.Clock.Advance(TimeSpan.FromHours(1));
        var link = world.Host.Services.GetRequiredService<LinkSigner>().Sign(
            new SignedLink("confirm", SubmissionWorld.Superior, world.Clock.GetUtcNow().AddDays(30), "binh@tumai.dang.vn"));
        var confirmed = await world.Host.SendAsync(HttpMethod.Post, $"/api/confirm/{SubmissionWorld.Cell}/2025-11", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["link"] = link, ["version"] = "2", ["confirmerName"] = "Trần Thị Bình", ["reason"] = "Biên bản thiếu chữ ký",
                ["criteria.preparation"] = "15", ["criteria.attendance"] = "15", ["criteria.duration"] = "5", ["criteria.conduct"] = "5",
                ["criteria.principles"] = "5", ["criteria.results"] = "23", ["criteria.closing"] = "10",
            }));
        Assert.True(confirmed.Status == HttpStatusCode.OK, confirmed.ToString());
        world.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Conflict, (await world.PostFormAsync(world.Form(("criteria.conduct", "10")))).Status);
        Assert.Equal(HttpStatusCode.Created, (await world.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.OtherCell, world.Codes[SubmissionWorld.OtherCell]))).Status);
        Assert.Equal(HttpStatusCode.Created, (await world.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, period: "2025-10"))).Status);
    }

    /// <summary>Every stored month, reduced to what a restore must bring back (not the ETag nor the storage timestamp).</summary>
    private static async Task<string> MonthsAsync(SubmissionWorld world)
    {
        var months = new List<string>();
        foreach (var (unit, period) in new[] { (SubmissionWorld.Cell, "2025-10"), (SubmissionWorld.Cell, "2025-11"), (SubmissionWorld.OtherCell, "2025-11") })
        {
            if (await world.StoredAsync(unit, period) is { } s)
            {
                months.Add(string.Join(" | ", s.UnitId, s.SuperiorId, s.Period, s.PackId, s.Total, s.Band, s.Late, s.ReceiptId, s.Version,
                    s.SubmittedAt.ToUnixTimeMilliseconds(), string.Join(",", s.Criteria.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}")),
                    s.Facts, string.Join(",", s.ReasonCodes), s.Confirmation?.Total, s.Confirmation?.Band, s.Confirmation?.Reason,
                    s.Confirmation?.ConfirmedBy, s.Confirmation?.ConfirmedAt.ToUnixTimeMilliseconds(),
                    string.Join(",", (s.Confirmation?.Criteria ?? new Dictionary<string, decimal>()).OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"))));
            }
        }

        Assert.Equal(3, months.Count);
        return string.Join("\n", months);
    }

    private static async Task DeleteScoresAsync(SubmissionWorld world, string unitId)
    {
        var table = await world.Host.Services.GetRequiredService<ScoreTables>().ScoresAsync();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"UnitId eq {unitId}")))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
    }

    private static async Task<(int Exit, string Output)> RestoreAsync(SubmissionWorld world, params string[] extra)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PartyCommand.RunAsync(["restore-scores", "--under", SubmissionWorld.Superior, .. extra], output, error, world.Host.Configuration);
        return (exit, output + error.ToString());
    }
}
