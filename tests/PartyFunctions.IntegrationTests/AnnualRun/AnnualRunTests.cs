using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.AnnualRun;
using PartyFunctions.Classification;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Notifications;

namespace PartyFunctions.IntegrationTests.AnnualRun;

[Collection(AzuriteCollection.Name)]
public sealed class AnnualRunTests(AzuriteFixture azurite)
{
    [Fact]
    public void Timer_workers_and_admin_endpoints_are_bound_as_the_host_expects()
    {
        var metadata = FunctionsMetadata.OfBuiltApp;

        Assert.Equal("%Schedules:AnnualClassification%", metadata["AnnualClassification"].Trigger.Schedule);
        Assert.Equal(("queueTrigger", "classification-shards", "AzureWebJobsStorage"),
            (metadata["ClassifyShard"].Trigger.Type, metadata["ClassifyShard"].Trigger.QueueName, metadata["ClassifyShard"].Trigger.Connection));
        Assert.Equal("classification-shards-poison", metadata["ClassifyShardPoison"].Trigger.QueueName);
        Assert.Equal(("admin/classification/{year:int}", "Function"), (metadata["StartClassificationRun"].Trigger.Route, metadata["StartClassificationRun"].Trigger.AuthLevel));
        Assert.Equal(["post"], metadata["StartClassificationRun"].Trigger.Methods);
        Assert.Equal(["get"], metadata["ClassificationRunStatus"].Trigger.Methods);
        Assert.Equal(("reports/{year:int}/{unitId}", "Anonymous"), (metadata["AnnualReport"].Trigger.Route, metadata["AnnualReport"].Trigger.AuthLevel));
    }

    [Fact]
    public async Task A_province_year_fans_out_classifies_applies_the_quota_survives_a_poisoned_shard_and_reports()
    {
        var province = await ProvinceAsync();
        await using var host = province.Host;

        await host.RunTimerAsync("AnnualClassification", new TimerInfo());
        await host.RunTimerAsync("AnnualClassification", new TimerInfo { IsPastDue = true });

        Assert.Equal(4, (await province.Shards.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);
        Assert.Equal(HostJson.MaxDequeueCount, host.QueueFailures.Count(e => e is TimeoutException));
        await host.DrainQueueAsync(StorageNames.ClassificationShardsPoisonQueue);

        var status = (await host.Services.GetRequiredService<GetClassificationRunStatus>().RunAsync(2025, default))!;
        Assert.True(status.Run.IsCompleted);
        Assert.Equal((11, "vn-2025", 3, 0), (status.Run.ThroughMonth, status.Run.PackId, status.ShardsDone, status.ShardsPending));
        Assert.Equal("Q.G4", Assert.Single(status.FailedShards).SuperiorId);

        var results = host.Services.GetRequiredService<IAnnualResultStore>();
        var g1 = await results.GetAsync(2025, "Q.G1", default);
        Assert.Equal(["Q.G1.C09", "Q.G1.C10"], g1.Where(r => r.Proposed == Level.Excellent).Select(r => r.UnitId).Order());
        Assert.All(g1.Where(r => r.Proposed != Level.Excellent), r => Assert.True(r.Proposed == Level.Good && r.DemotedByQuota, r.UnitId));
        var g2 = (await results.GetAsync(2025, "Q.G2", default)).ToDictionary(r => r.UnitId);
        Assert.Equal(Level.Failed, g2["Q.G2.C01"].Proposed);
        Assert.Equal((Level.Failed, 11), (g2["Q.G2.C02"].Proposed, g2["Q.G2.C02"].Weak));
        Assert.All(Enumerable.Range(3, 8), i => Assert.Equal(Level.Good, g2[$"Q.G2.C{i:00}"].Proposed));
        var g3 = await results.GetAsync(2025, "Q.G3", default);
        Assert.Equal(10, g3.Count);
        Assert.All(g3, r => Assert.True(r.Proposed is null && r.YearBand is null && r.Required == 3, r.UnitId));
        Assert.Empty(await results.GetAsync(2025, "Q.G4", default));

        var report = await host.SendAsync(HttpMethod.Get, $"/api/reports/2025/Q.G1?link={province.Link("report", "Q")}");
        Assert.True(report.Status == HttpStatusCode.OK, report.ToString());
        Assert.Contains("Chi bộ thôn C10 (G1)", report.Body, StringComparison.Ordinal);
        Assert.Contains("<svg", report.Body, StringComparison.Ordinal);
        Assert.Contains("vượt tỷ lệ", report.Body, StringComparison.Ordinal);
        var csv = await host.SendAsync(HttpMethod.Get, $"/api/reports/2025/Q.G1?format=csv&link={province.Link("report", "Q.G1")}");
        Assert.StartsWith("unitId,unitName,superiorId,required,tot,kha_or_better,kem,yearBand,proposed,final,flags", csv.Body.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal('\uFEFF', csv.Body[0]);
        Assert.Contains("Q.G1.C01,Chi bộ thôn C01 (G1),Q.G1,11,11,11,0,Tot,HTTNV,,quota", csv.Body, StringComparison.Ordinal);
        var provinceReport = await host.SendAsync(HttpMethod.Get, $"/api/reports/2025/Q?link={province.Link("report", "Q")}");
        Assert.Contains("Q.G2.C01", provinceReport.Body, StringComparison.Ordinal);
        Assert.Contains("30 chi bộ", provinceReport.Body, StringComparison.Ordinal);

        // annual-weak: C01 (a Kém year) and C02 (never reported: Kém, KHTNV), no one else; completing again opens nothing new.
        var alerts = host.Services.GetRequiredService<IAlertStore>();
        var active = await alerts.GetActiveAsync(default);
        Assert.Equal(["Q.G2.C01", "Q.G2.C02"], active.Where(a => a.Alert.Key.Rule == AlertRules.AnnualWeak).Select(a => a.Alert.Key.UnitId).Order());
        Assert.All(active, a => Assert.Equal(("2025", 1), (a.Alert.Key.Period, a.Alert.StepsTaken)));
        await host.Services.GetRequiredService<CompleteClassificationRun>().RunAsync("annual-2025", "Q.G1", default);
        Assert.Equal(active.Select(a => $"{a.Alert.Key}@{a.ETag}").Order(), (await alerts.GetActiveAsync(default)).Select(a => $"{a.Alert.Key}@{a.ETag}").Order());
    }

    [Fact]
    public async Task A_redelivered_shard_writes_the_same_results_and_a_resume_finishes_the_failed_one()
    {
        var province = await ProvinceAsync();
        await using var host = province.Host;
        await host.RunTimerAsync("AnnualClassification", new TimerInfo());
        await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);
        await host.DrainQueueAsync(StorageNames.ClassificationShardsPoisonQueue);
        var results = host.Services.GetRequiredService<IAnnualResultStore>();
        var before = await results.GetAsync(2025, "Q.G1", default);

        await province.Shards.SendMessageAsync(System.Text.Json.JsonSerializer.Serialize(new ShardMessage("annual-2025", 2025, "Q.G1")));
        await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);
        province.Store.Failing = false;
        var resume = await host.SendAsync(HttpMethod.Post, "/api/admin/classification/2025");
        await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);

        Assert.Equal(before.OrderBy(r => r.UnitId).ToList(), (await results.GetAsync(2025, "Q.G1", default)).OrderBy(r => r.UnitId).ToList());
        Assert.Equal(HttpStatusCode.Accepted, resume.Status);
        var status = (await host.Services.GetRequiredService<GetClassificationRunStatus>().RunAsync(2025, default))!;
        Assert.Equal((4, 0, 0, 32), (status.ShardsDone, status.ShardsPending, status.FailedShards.Count, status.CellsClassified));
        var provinceReport = await host.SendAsync(HttpMethod.Get, $"/api/reports/2025/Q?link={province.Link("report", "Q")}");
        Assert.Contains("Q.G4.C02", provinceReport.Body, StringComparison.Ordinal);
        // Completed three times (the three classified, Q.G1 redelivered, Q.G4 resumed), each office heard once: the same
        // lines make the same digest, and only Q.G4's office, whose report came with the resume, had a new one.
        foreach (var office in new[] { "vp.g1@q.dang.vn", "vp.g2@q.dang.vn", "vp.g3@q.dang.vn", "vp.g4@q.dang.vn", "vp@q.dang.vn" })
        {
            Assert.True((await province.CompletionDigestsAsync(office)).Count == 1, office);
        }
    }

    [Fact]
    public async Task A_report_link_for_one_committee_cannot_open_another_and_bad_requests_are_refused()
    {
        var province = await ProvinceAsync();
        await using var host = province.Host;
        await host.RunTimerAsync("AnnualClassification", new TimerInfo());
        await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);

        var other = await host.SendAsync(HttpMethod.Get, $"/api/reports/2025/Q.G2?link={province.Link("report", "Q.G1")}");
        var wrongAction = await host.SendAsync(HttpMethod.Get, $"/api/reports/2025/Q.G1?link={province.Link("view", "Q.G1")}");
        var badYear = await host.SendAsync(HttpMethod.Post, "/api/admin/classification/1999");
        var badMonth = await host.SendAsync(HttpMethod.Post, "/api/admin/classification/2025?through=13");

        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Equal(HttpStatusCode.Forbidden, wrongAction.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badYear.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.Status);
    }

    [Fact]
    public async Task A_run_before_any_cut_off_of_the_year_is_refused_with_a_message()
    {
        var province = await ProvinceAsync();
        await using var host = province.Host;

        var response = await host.SendAsync(HttpMethod.Post, "/api/admin/classification/2026");

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Contains("chưa thể xếp loại", response.Body, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<GetClassificationRunStatus>().RunAsync(2026, default));
    }

    [Fact]
    public async Task Completing_the_run_tells_each_committee_and_the_province_office_that_its_report_is_ready()
    {
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;
        var outbox = host.Services.GetRequiredService<IOutbox>();

        var committee = await outbox.GetAsync(await province.CompletionDigestAsync("vp.g1@q.dang.vn"), default);
        var office = await outbox.GetAsync(await province.CompletionDigestAsync("vp@q.dang.vn"), default);

        var line = Assert.Single(committee!.Digest.Items, i => i.Kind == NotificationKind.AnnualReportReady);
        Assert.Equal((NotificationKind.AnnualReportReady, "Q.G1", "2025"), (line.Kind, line.UnitId, line.Period));
        Assert.StartsWith("http://localhost:7071/api/decisions/2025/Q.G1?link=", line.ActionUrl, StringComparison.Ordinal);
        // Finding 8: the committee's line leads to its report too; the province's only to its report (nothing to decide).
        Assert.StartsWith("http://localhost:7071/api/reports/2025/Q.G1?link=", line.ViewUrl, StringComparison.Ordinal);
        var provinceLine = Assert.Single(office!.Digest.Items);
        Assert.Null(provinceLine.ActionUrl);
        Assert.StartsWith("http://localhost:7071/api/reports/2025/Q?link=", provinceLine.ViewUrl, StringComparison.Ordinal);
        Assert.True(office.Digest.Recipient.Office);
        var digests = host.Services.GetRequiredService<StorageClients>().Queues.GetQueueClient(StorageNames.DigestsQueue);
        Assert.True((await digests.GetPropertiesAsync()).Value.ApproximateMessagesCount >= 5);
    }

    [Fact]
    public async Task Completing_the_run_tells_a_committee_office_of_its_report_and_of_its_weak_cells_in_one_email()
    {
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;
        var outbox = host.Services.GetRequiredService<IOutbox>();
        var weak = (await host.Services.GetRequiredService<IAnnualResultStore>().GetYearAsync(2025, default)).Where(CompleteClassificationRun.IsWeak).ToList();
        Assert.NotEmpty(weak);

        foreach (var committee in weak.GroupBy(r => r.SuperiorId))
        {
            // The cells have no assigned member: an annual-weak alert's level 1 is the committee's office.
            var office = (await host.Services.GetRequiredService<PartyFunctions.Organisation.IUnitStore>().GetAsync(committee.Key, default))!.OfficeEmail!;
            var digest = (await outbox.GetAsync(await province.CompletionDigestAsync(office), default))!.Digest;
            Assert.Contains(digest.Items, i => i.Kind == NotificationKind.AnnualReportReady && i.UnitId == committee.Key);
            Assert.Equal(
                committee.Select(r => r.UnitId).Order(StringComparer.Ordinal),
                digest.Items.Where(i => i.Kind == NotificationKind.AnnualWeak).Select(i => i.UnitId).Order(StringComparer.Ordinal));
        }
    }

    private Task<Province> ProvinceAsync() => Province.CreateAsync(azurite);
}
