using PartyFunctions.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Reliability;

/// <summary>
/// Issue 10's load (<see cref="LoadScenario"/>): nothing accepted is lost and nothing fails on the server. Counts only;
/// the timings it prints are figures for docs/reliability.md, measured with the bench's <c>load</c> mode.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LoadTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_thousand_submissions_16_at_a_time_are_all_accepted_stored_archived_and_announced_with_no_5xx()
    {
        var load = await LoadScenario.RunAsync(azurite);
        output.WriteLine($"{load.Submissions.Count} submissions in {load.Elapsed.TotalSeconds:0.0} s; p50 {load.Percentile(0.5):0.0} ms, p95 {load.Percentile(0.95):0.0} ms");

        Assert.Equal(LoadScenario.Submissions, load.Submissions.Count);
        Assert.Equal(0, load.ServerErrors);
        Assert.True(load.Accepted.Count == LoadScenario.Submissions, string.Join("\n", load.Submissions.Where(s => s.Failure is not null).Take(3).Select(s => s.Failure)));
        Assert.True(load.Submissions.Count(s => s.Channel == "form") >= LoadScenario.Submissions / 5, "a share goes through the form");
        // Counted in storage: one archived blob per accepted submission, one version per accepted submission.
        Assert.Equal(load.Accepted.Count, load.ArchivedBlobs);
        Assert.Equal(load.Accepted.Count, load.StoredVersions);
        Assert.Equal(LoadScenario.Cells * (LoadScenario.Periods.Count - 1), load.Stored.Count);
        Assert.Equal(load.Accepted.Count, load.ScoreEvents);
        // Every receipt a client was given is in the archive, and each month holds its last accepted receipt.
        Assert.DoesNotContain(load.Accepted, s => s.ReceiptId is null || !load.ArchivedReceipts.Contains(s.ReceiptId));
        Assert.Equal(load.LastAcceptedReceipts.OrderBy(r => r.Key), load.Stored.Select(s => KeyValuePair.Create(s.Key, s.Value.ReceiptId)).OrderBy(r => r.Key));
    }
}
