using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Submissions;
using PartyFunctions.Telemetry;

namespace PartyFunctions.IntegrationTests.Telemetry;

/// <summary>Submissions are counted once per decision: a request sent again with its receipt is not a second submission.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubmissionMetricsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_submission_sent_twice_with_its_receipt_counts_once_and_an_amendment_counts_as_one()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        using var metrics = new MetricRecorder(world.Host);
        var receipt = PartyFunctions.Submissions.ReceiptId.New();

        await world.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, receiptId: receipt));
        await world.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, receiptId: receipt));
        await world.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, receiptId: PartyFunctions.Submissions.ReceiptId.New(), conduct: 20));

        var counted = metrics.Take();
        Assert.Equal(2, counted.Total(MetricNames.SubmissionsAccepted));
        Assert.Equal(1, counted.Total(MetricNames.SubmissionsAccepted, "amendment=true"));
        Assert.Equal(2, counted.Total(MetricNames.SubmissionsAccepted, "period=2025-11"));
        Assert.Equal(0, counted.Total(MetricNames.SubmissionsLate));
        Assert.Equal(0, counted.Total(MetricNames.SubmissionsRefused));
    }

    [Fact]
    public async Task Refusals_count_by_reason_and_a_first_submission_after_the_deadline_counts_as_late()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        using var metrics = new MetricRecorder(world.Host);

        await world.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.Cell, "wrong-code"));
        await world.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, period: "2025-13"));
        world.Clock.SetUtcNow(new DateTimeOffset(2025, 12, 7, 9, 0, 0, TimeSpan.FromHours(7)));
        await world.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.OtherCell, world.Codes[SubmissionWorld.OtherCell]));

        var counted = metrics.Take();
        Assert.Equal(1, counted.Total(MetricNames.SubmissionsRefused, "reason=unauthenticated"));
        Assert.Equal(1, counted.Total(MetricNames.SubmissionsRefused, "reason=invalid"));
        Assert.Equal(1, counted.Total(MetricNames.SubmissionsLate, "period=2025-11"));
        Assert.Equal(1, counted.Total(MetricNames.SubmissionsAccepted, "amendment=false"));
    }
}
