using System.Net;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Organisation;
using PartyFunctions.IntegrationTests.Submissions;

namespace PartyFunctions.IntegrationTests.Security;

/// <summary>
/// Issue 15 item 1: cell ids are public (reminder emails, status pages), so wrong codes typed by someone else must never
/// keep a cell from submitting with its own code.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NoLockoutTests(AzuriteFixture azurite)
{
    private const string Committee = SubmissionWorld.Superior;
    private const int Cells = 12;

    [Fact]
    public async Task Five_wrong_codes_for_every_cell_of_a_committee_do_not_stop_any_cell_submitting_with_its_own_code()
    {
        var rows = SampleUnits.Rows.Concat(Enumerable.Range(3, Cells - 2).Select(i =>
            $"{Committee}.CB{i},{Committee},cell,Chi bộ số {i},2020-01-01,,bithu{i}@gmail.com,,,")).ToArray();
        await using var world = await SubmissionWorld.CreateAsync(azurite, units: rows);
        var cells = world.Codes.Keys.Where(id => id.StartsWith(Committee + ".", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Cells, cells.Count);

        // The attack: a script spreads its guesses over a few addresses, five wrong codes per cell, all at once.
        var attack = cells.SelectMany(cell => Enumerable.Range(0, 5).Select(i => (cell, i))).Select((a, n) =>
            world.PostFormAsync(world.Form(("unitId", a.cell), ("accessCode", "WRNG-WRNG-WR" + (char)('A' + a.i))), clientAddress: $"198.51.100.{n % 4}"));
        var refused = await Task.WhenAll(attack);
        Assert.All(refused, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        Assert.DoesNotContain(refused, r => r.Status is HttpStatusCode.OK or HttpStatusCode.Created);

        // Then every secretary, from their own phone, with their own code.
        var accepted = new List<string>();
        foreach (var (cell, n) in cells.Select((c, n) => (c, n)))
        {
            var sent = await world.PostFormAsync(world.Form(("unitId", cell), ("accessCode", world.Codes[cell])), clientAddress: $"203.0.113.{n + 1}");
            if (sent.Status == HttpStatusCode.OK)
            {
                accepted.Add(cell);
            }
        }

        Assert.Equal(cells, accepted);
    }

    [Fact]
    public async Task A_parallel_burst_from_one_address_gets_no_more_checks_than_its_budget_and_never_a_500()
    {
        var rows = SampleUnits.Rows.Concat(Enumerable.Range(3, Cells - 2).Select(i =>
            $"{Committee}.CB{i},{Committee},cell,Chi bộ số {i},2020-01-01,,bithu{i}@gmail.com,,,")).ToArray();
        await using var world = await SubmissionWorld.CreateAsync(azurite, units: rows);
        var cells = world.Codes.Keys.Where(id => id.StartsWith(Committee + ".", StringComparison.Ordinal)).ToList();

        var answers = await Task.WhenAll(cells.SelectMany(cell => Enumerable.Range(0, 5).Select(i =>
            world.PostFormAsync(world.Form(("unitId", cell), ("accessCode", "WRNG-WRNG-WR" + (char)('A' + i))), clientAddress: "198.51.100.7"))));

        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.InRange(answers.Count(a => a.Status == HttpStatusCode.Unauthorized), 1, PartyFunctions.Access.AuthenticateCell.ClientMaxFailures);
    }
}
