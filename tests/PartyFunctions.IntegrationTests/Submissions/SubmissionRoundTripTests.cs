using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Organisation;
using PartyFunctions.Infrastructure.Organisation;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Submissions;

/// <summary>
/// The storage round trips of the submission path, counted with a pipeline policy in the real app (FunctionHost):
/// the use case's own table and blob requests, in order. The score-events message is the output binding's, written
/// by the host after the function returns, and is left out. Timings are in bench/ (docs/benchmarks.md), not here.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubmissionRoundTripTests(AzuriteFixture azurite)
{
    // Sign-in (docs/security.md, item 1): the unit's rows and the client's wrong codes read at once, the client's
    // reservation written before the hash is derived, and given back once the code is right (the blob is deleted).
    private static readonly (string, string)[] SignIn = [("table", "GET"), ("blob", "GET"), ("blob", "PUT"), ("blob", "DELETE")];
    private static readonly (string, string)[] FirstSubmission = [.. SignIn, ("blob", "PUT"), ("table", "POST")];

    [Fact]
    public async Task A_first_submission_costs_five_round_trips_after_each_other_an_amendment_seven_and_a_replay_seven()
    {
        var (world, log) = await WarmWorldAsync();
        await using var _ = world;
        var receipt = ReceiptId.New();

        var first = await log.DuringAsync(() => Created(world, SubmissionWorld.Json(SubmissionWorld.Cell, world.Code)));
        var amendment = await log.DuringAsync(() => Created(world, SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, receiptId: receipt, conduct: 20)));
        var replay = await log.DuringAsync(async () =>
            Assert.Equal(HttpStatusCode.OK, (await world.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, receiptId: receipt, conduct: 20))).Status));

        // First: sign-in (the two reads run side by side), the archive blob, the score insert.
        Assert.Equal(FirstSubmission, Calls(first));
        // Amendment: the insert answers 409, then the current version is read and replaced under its ETag.
        Assert.Equal([.. SignIn, ("blob", "PUT"), ("table", "POST"), ("table", "GET"), ("table", "PUT")], Calls(amendment));
        // Replay: the archive answers 409 and its time is read, the insert answers 409 and the current version is read.
        Assert.Equal([.. SignIn, ("blob", "PUT"), ("blob", "HEAD"), ("table", "POST"), ("table", "GET")], Calls(replay));
    }

    [Fact]
    public async Task A_cell_moved_to_another_superior_by_re_import_is_filed_under_the_new_superior_at_its_next_submission()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        await Created(world, SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, period: "2025-10"));

        var moved = await ImportUnitsFunctionTests.ImportAsync(world.Host, SampleUnits.Csv(SampleUnits.With(
            "BN.TUMAI.DONGCAO.CB1,BN.PHUONG1,cell,Chi bộ thôn Đông,2020-01-01,,bithu1@gmail.com,,Lê Văn Cường,cuong@dongcao.dang.vn")));
        await Created(world, SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, period: "2025-11"));

        Assert.Equal(1, moved.Updated);
        Assert.Equal(SubmissionWorld.Superior, (await ScoreAsync(world, SubmissionWorld.Superior, "2025-10"))?.SuperiorId);
        Assert.Equal("BN.PHUONG1", (await ScoreAsync(world, "BN.PHUONG1", "2025-11"))?.SuperiorId);
        Assert.Null(await ScoreAsync(world, SubmissionWorld.Superior, "2025-11"));
    }

    [Fact]
    public async Task A_cell_closed_by_re_import_is_refused_for_the_months_after_its_end_at_its_next_submission()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        await Created(world, SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, period: "2025-10"));

        await ImportUnitsFunctionTests.ImportAsync(world.Host, SampleUnits.Csv(SampleUnits.With(
            "BN.TUMAI.DONGCAO.CB1,BN.TUMAI.DONGCAO,cell,Chi bộ thôn Đông,2020-01-01,2025-10-31,bithu1@gmail.com,,Lê Văn Cường,cuong@dongcao.dang.vn")));
        var november = await world.Host.SendAsync(HttpMethod.Post, "/api/scores?lang=en",
            System.Net.Http.Json.JsonContent.Create(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, period: "2025-11")));

        Assert.Equal(HttpStatusCode.BadRequest, november.Status);
        Assert.Contains("stopped being active on 2025-10-31", november.Body, StringComparison.Ordinal);
        Assert.Null(await world.StoredAsync());
    }

    [Fact]
    public async Task A_cell_whose_copy_is_missing_signs_in_through_the_registry_until_the_next_import_repairs_the_copy()
    {
        var (world, log) = await WarmWorldAsync();
        await using var _ = world;
        // As for a unit saved before the copies existed.
        var codes = await world.Host.Services.GetRequiredService<OrganisationTables>().AccessCodesAsync(default);
        await codes.DeleteEntityAsync(SubmissionWorld.Cell, UnitEntities.SignInCopyRow);

        var withoutCopy = await log.DuringAsync(() => Created(world, SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, period: "2025-10")));
        var repair = await ImportUnitsFunctionTests.ImportAsync(world.Host, SampleUnits.Csv());
        var repaired = await log.DuringAsync(() => Created(world, SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, period: "2025-11")));

        Assert.Equal([("table", "GET"), ("blob", "GET"), ("blob", "PUT"), ("table", "GET"), ("blob", "DELETE"), ("blob", "PUT"), ("table", "POST")], Calls(withoutCopy));
        Assert.Equal((0, 7, 1), (repair.Updated, repair.Unchanged, repair.Repaired));
        Assert.Equal(FirstSubmission, Calls(repaired));
    }

    /// <summary>A world whose scores table and archive container exist (the other cell submitted once), logging requests from then on.</summary>
    private async Task<(SubmissionWorld World, StorageRequestLog Log)> WarmWorldAsync()
    {
        var log = new StorageRequestLog(azurite);
        var world = await SubmissionWorld.CreateAsync(azurite, log.Register);
        await Created(world, SubmissionWorld.Json(SubmissionWorld.OtherCell, world.Codes[SubmissionWorld.OtherCell]));
        return (world, log);
    }

    private static async Task Created(SubmissionWorld world, object json)
    {
        var response = await world.PostJsonAsync(json);
        Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
    }

    /// <summary>The requests in order, except that the two sign-in reads, sent together, are listed table first.</summary>
    private static (string Service, string Method)[] Calls(IReadOnlyList<StorageRequest> requests)
    {
        var calls = requests.Where(r => r.IsUseCase).Select(r => (r.Service, r.Method)).ToArray();
        if (calls is [("blob", "GET"), ("table", "GET"), ..])
        {
            (calls[0], calls[1]) = (calls[1], calls[0]);
        }

        return calls;
    }

    private static async Task<ScoreRecord?> ScoreAsync(SubmissionWorld world, string superiorId, string period)
    {
        Assert.True(ScorePeriod.TryParse(period, out var p));
        return (await world.Scores.GetAsync(superiorId, SubmissionWorld.Cell, p, default))?.Record;
    }
}
