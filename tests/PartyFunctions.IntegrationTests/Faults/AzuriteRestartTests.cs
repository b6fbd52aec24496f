using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.AnnualRun;
using PartyFunctions.Classification;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.AnnualRun;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Infrastructure.Notifications;
using SendGrid;
using Response = WireMock.ResponseBuilders.Response;
using WireMock.RequestBuilders;
using WireMock.Server;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Faults;

/// <summary>
/// The storage account goes away in the middle of the annual run and comes back with its data (Azurite on disk,
/// restarted on the same ports). The administrator resumes the run as docs/operations.md says.
/// </summary>
public sealed class AzuriteRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_annual_run_interrupted_by_a_storage_restart_resumes_completes_with_the_right_results_and_sends_each_email_once()
    {
        var azurite = await AzuriteFixture.StartOnDiskAsync();
        var sendGrid = WireMockServer.Start();
        try
        {
            sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
                .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "sg-restart"));
            var province = await Province.CreateAsync(azurite,
                services =>
                {
                    services.AddSingleton<ISendGridClient>(new SendGridClient(new SendGridClientOptions { ApiKey = "SG.test-key", Host = sendGrid.Url }));
                    services.AddSingleton(new SendGridTransportOptions { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(5) });
                },
                new Dictionary<string, string?>
                {
                    [AppSettings.EmailSink] = "sendgrid",
                    [AppSettings.SendGridApiKey] = "SG.test-key",
                    [AppSettings.EmailFrom] = "no-reply@tinhuy.example.vn",
                    [AppSettings.EmailAdminMailbox] = "quantri@tinhuy.example.vn",
                });
            province.Store.Failing = false;
            await using var host = province.Host;
            await host.RunTimerAsync("AnnualClassification", new TimerInfo());
            Assert.Equal(2, await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue, maxInvocations: 2));

            azurite.Stop();
            // While storage is down, the administrator's status page says so (503), not a bare 500.
            var duringOutage = await host.SendAsync(HttpMethod.Get, "/api/admin/classification/2025");
            await azurite.StartAgainAsync();

            var before = (await host.Services.GetRequiredService<GetClassificationRunStatus>().RunAsync(2025, default))!;
            var resume = await host.SendAsync(HttpMethod.Post, "/api/admin/classification/2025");
            await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);
            await host.DrainQueueAsync(StorageNames.DigestsQueue);
            // A resume after completion (an administrator unsure whether it worked) changes nothing and sends nothing.
            var again = await host.SendAsync(HttpMethod.Post, "/api/admin/classification/2025");
            await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);
            await host.DrainQueueAsync(StorageNames.DigestsQueue);

            Assert.True(duringOutage.Status == HttpStatusCode.ServiceUnavailable, duringOutage.ToString());
            Assert.Equal((2, 2), (before.ShardsDone, before.ShardsPending));
            Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (resume.Status, again.Status));
            Assert.Empty(host.QueueFailures);
            var status = (await host.Services.GetRequiredService<GetClassificationRunStatus>().RunAsync(2025, default))!;
            Assert.True(status.Run.IsCompleted);
            Assert.Equal((4, 0, 0, 32), (status.ShardsDone, status.ShardsPending, status.FailedShards.Count, status.CellsClassified));
            var results = host.Services.GetRequiredService<IAnnualResultStore>();
            Assert.Equal(["Q.G1.C09", "Q.G1.C10"], (await results.GetAsync(2025, "Q.G1", default)).Where(r => r.Proposed == Level.Excellent).Select(r => r.UnitId).Order());
            Assert.Equal(["Q.G2.C01", "Q.G2.C02"], (await results.GetAsync(2025, "Q.G2", default)).Where(r => r.Proposed == Level.Failed).Select(r => r.UnitId).Order());

            var emails = sendGrid.LogEntries.Where(e => e.RequestMessage.Path == "/v3/mail/send")
                .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!)
                .Select(b => $"{b["personalizations"]![0]!["to"]![0]!["email"]} | {b["subject"]}")
                .ToList();
            output.WriteLine($"{emails.Count} emails:\n{string.Join("\n", emails)}");
            // Four committees' and the province office's "report ready" emails (Q.G2's office hears of its two annual-weak
            // cells in the same email), and the two weak cells' "write your plan" emails: each once.
            Assert.Contains(emails, e => e.StartsWith("vp@q.dang.vn", StringComparison.Ordinal));
            Assert.Equal(2, emails.Count(e => e.StartsWith("bithu.q-g2-c0", StringComparison.Ordinal) && e.Contains("Kế hoạch khắc phục", StringComparison.Ordinal)));
            Assert.Contains(emails, e => e.StartsWith("vp.g2@q.dang.vn", StringComparison.Ordinal) && e.Contains("2 cảnh báo", StringComparison.Ordinal) && e.Contains("Báo cáo xếp loại năm", StringComparison.Ordinal));
            Assert.True(emails.Count == 7, string.Join("\n", emails));
            Assert.Empty(emails.GroupBy(e => e).Where(g => g.Count() > 1).Select(g => g.Key));
        }
        finally
        {
            sendGrid.Stop();
            sendGrid.Dispose();
            await azurite.DisposeAsync();
        }
    }
}
