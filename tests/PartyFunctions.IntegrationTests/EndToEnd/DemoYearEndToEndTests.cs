using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.AnnualRun;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Organisation;
using PartyFunctions.Organisation;
using PartyFunctions.Submissions;
using SendGrid;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace PartyFunctions.IntegrationTests.EndToEnd;

/// <summary>
/// A small province's year 2026 through the function-invocation harness on a private Azurite: JSON submissions into
/// <c>POST /api/scores</c>, the timers on their days, every queue drained into its function, SendGrid on WireMock.
/// The cells start on 1 January 2026 (months before, with no score, would count as Kém). C1 is Tốt every month; C2 Kém in March and April, Khá otherwise; C3 never reports June; C4 is Khá and late in May.
/// </summary>
public sealed class DemoYearEndToEndTests : IAsyncLifetime, IDisposable
{
    private const int Year = 2026;
    private const string Committee = "E.G";
    private static readonly string[] Cells = ["E.G.C1", "E.G.C2", "E.G.C3", "E.G.C4"];
    private readonly AzuriteFixture azurite = new();
    private readonly WireMockServer sendGrid = WireMockServer.Start();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, string> codes = [];
    private FunctionHost host = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "m"));
        host = FunctionHost.Create(
            TestSettings.For(azurite, new Dictionary<string, string?>
            {
                [AppSettings.EmailSink] = "sendgrid",
                [AppSettings.SendGridApiKey] = "SG.test-key",
                [AppSettings.EmailFrom] = "no-reply@e.example.vn",
                [AppSettings.EmailAdminMailbox] = "admin@e.example.vn",
                [AppSettings.LinksBaseUrl] = "https://party.example.vn",
            }),
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<ISendGridClient>(new SendGridClient(new SendGridClientOptions { ApiKey = "SG.test-key", Host = sendGrid.Url }));
            });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        sendGrid.Stop();
        sendGrid.Dispose();
        await azurite.DisposeAsync();
    }

    public void Dispose()
    {
        azurite.Dispose();
        sendGrid.Dispose();
    }

    [Fact]
    public async Task A_year_leaves_every_score_archived_the_expected_alerts_each_digest_sent_once_and_the_reports()
    {
        At(1, 2, 7);
        string[] rows =
        [
            "E,,province,Tỉnh ủy thử,2020-01-01,,,vp.e@e.example.vn,,",
            $"{Committee},E,grassroots,Đảng ủy xã Hòa Bình,2020-01-01,,,vp.g@e.example.vn,Trần Văn Bình,uvtv@e.example.vn",
            .. Cells.Select((c, i) => $"{c},{Committee},cell,Chi bộ thôn {i + 1},2026-01-01,,bt{i + 1}@e.example.vn,,Lê Thị Hà,am@e.example.vn"),
        ];
        await ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv(rows));
        await host.Services.GetRequiredService<IssueAccessCodes>().RunAsync("E", allUnder: true, issued =>
        {
            foreach (var code in issued)
            {
                codes[code.Cell.Id] = code.Code;
            }

            return Task.CompletedTask;
        }, default);

        var submitted = 0;
        for (var month = 1; month <= 11; month++)
        {
            var (next, m) = (month + 1, month);
            await TimerAsync("Reminders", next, 2, 8);
            foreach (var (cell, points) in Cells.Select(c => (c, Points(c, m))).Where(p => p.Item2 is not null && !(p.c == "E.G.C4" && m == 5)))
            {
                At(next, 3, 10);
                await SubmitAsync(cell, m, points!);
                submitted++;
            }

            await TimerAsync("Reminders", next, 5, 8);
            if (month == 5)
            {
                At(next, 7, 10);
                await SubmitAsync("E.G.C4", 5, Points("E.G.C4", 5)!);
                submitted++;
            }

            await TimerAsync("Cutoff", next, 9, 0, 5);
            await TimerAsync("Escalation", next, 9, 8);
            if (month == 3)
            {
                // The assigned member acknowledges C2's Kém March as soon as the first escalation run tells them.
                await AcknowledgeAsync(new AlertKey(AlertRules.WeakMonth, "E.G.C2", "2026-03"));
            }

            await TimerAsync("Escalation", next, 16, 8);
            await TimerAsync("Escalation", next, 23, 8);
        }

        At(12, 24, 2); // the annual timer fires mid-December; here after the last escalation run the test plays
        await host.RunTimerAsync("AnnualClassification", new TimerInfo());
        await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);
        await host.DrainQueueAsync(StorageNames.DigestsQueue);
        Assert.Empty(host.QueueFailures);

        await AssertScoresStoredAndArchivedAsync(submitted);
        await AssertAlertsAsync();
        await AssertEveryDigestSentOnceAsync();
        await AssertReportsAsync();
    }

    private async Task AssertScoresStoredAndArchivedAsync(int submitted)
    {
        var scores = await host.Services.GetRequiredService<IScoreStore>().GetYearAsync(Committee, Year, default);
        Assert.Equal(43, submitted);
        Assert.Equal(submitted, scores.Count);
        Assert.DoesNotContain(scores, s => s.UnitId == "E.G.C3" && s.Period.Month == 6);
        Assert.True(scores.Single(s => s.UnitId == "E.G.C4" && s.Period.Month == 5).Late);
        var archived = await BlobNamesAsync(host.Configuration[StorageNamespace.PrefixSetting]!.ToLowerInvariant() + StorageNames.ArchiveContainer);
        foreach (var score in scores)
        {
            Assert.Contains(archived, name => name.Contains($"/{score.UnitId}/{score.Period}/{score.ReceiptId}.json", StringComparison.Ordinal));
        }
    }

    private async Task AssertAlertsAsync()
    {
        var alerts = host.Services.GetRequiredService<IAlertStore>();
        var overdue = (await alerts.GetAsync(new AlertKey(AlertRules.Overdue, "E.G.C3", "2026-06"), default))!.Alert;
        Assert.Equal(AlertState.Open, overdue.State);
        Assert.True(overdue.StepsTaken >= 3, $"overdue climbed {overdue.StepsTaken} steps");
        var march = (await alerts.GetAsync(new AlertKey(AlertRules.WeakMonth, "E.G.C2", "2026-03"), default))!.Alert;
        Assert.Contains(march.History, h => h.Event == AlertTransition.Acknowledged);
        Assert.Equal(1, march.StepsTaken);
        var april = (await alerts.GetAsync(new AlertKey(AlertRules.WeakMonth, "E.G.C2", "2026-04"), default))!.Alert;
        Assert.Equal(AlertState.Resolved, april.State);
        Assert.Contains(await alerts.GetOfUnitAsync("E.G.C2", default), a => a.Alert.Key.Rule == AlertRules.NeedsConsolidation);
        Assert.Empty((await alerts.GetOfUnitAsync("E.G.C1", default)).Select(a => a.Alert.Key.ToString()));
        Assert.Empty((await alerts.GetOfUnitAsync("E.G.C4", default)).Select(a => a.Alert.Key.ToString()));
    }

    private async Task AssertEveryDigestSentOnceAsync()
    {
        var container = await host.Services.GetRequiredService<StorageNamespace>().ContainerAsync(StorageNames.OutboxContainer);
        var digests = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }))
        {
            Assert.Equal("Sent", blob.Metadata["status"]);
            digests.Add(blob.Name);
        }

        var sent = sendGrid.LogEntries.Where(e => e.RequestMessage.Path == "/v3/mail/send")
            .Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement.GetProperty("personalizations")[0].GetProperty("custom_args").GetProperty("digestId").GetString()!)
            .ToList();
        Assert.True(digests.Count > 11 * 2, $"{digests.Count} digests");
        Assert.Equal(digests.Count, sent.Count);
        Assert.Equal(sent.Count, sent.Distinct(StringComparer.Ordinal).Count());
    }

    private async Task AssertReportsAsync()
    {
        var results = await host.Services.GetRequiredService<IAnnualResultStore>().GetAsync(Year, Committee, default);
        Assert.Equal(Cells, results.Select(r => r.UnitId).Order(StringComparer.Ordinal));
        Assert.All(results, r => Assert.Equal(11, r.Required));
        Assert.Equal(11, results.Single(r => r.UnitId == "E.G.C1").Good);
        Assert.Equal(2, results.Single(r => r.UnitId == "E.G.C2").Weak);
        Assert.Equal(1, results.Single(r => r.UnitId == "E.G.C3").Weak);
        var reports = host.Services.GetRequiredService<IReportStore>();
        var html = await reports.GetAsync(Year, Committee, ReportFormat.Html, default);
        var csv = await reports.GetAsync(Year, Committee, ReportFormat.Csv, default);
        Assert.NotNull(html);
        Assert.NotNull(csv);
        foreach (var result in results)
        {
            Assert.Contains(result.UnitName, html, StringComparison.Ordinal);
            Assert.Contains(result.UnitId, csv, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, decimal>? Points(string cell, int month) => cell switch
    {
        "E.G.C1" => Sheet(95),
        "E.G.C2" when month is 3 or 4 => Sheet(40),
        "E.G.C2" or "E.G.C4" => Sheet(80),
        "E.G.C3" when month == 6 => null,
        _ => Sheet(95),
    };

    private static Dictionary<string, decimal> Sheet(int total) => total switch
    {
        95 => new() { ["preparation"] = 15, ["attendance"] = 15, ["duration"] = 5, ["conduct"] = 22, ["principles"] = 5, ["results"] = 23, ["closing"] = 10 },
        80 => new() { ["preparation"] = 13, ["attendance"] = 15, ["duration"] = 5, ["conduct"] = 20, ["principles"] = 5, ["results"] = 14, ["closing"] = 8 },
        _ => new() { ["preparation"] = 6, ["attendance"] = 6, ["duration"] = 2, ["conduct"] = 10, ["principles"] = 3, ["results"] = 9, ["closing"] = 4 },
    };

    private async Task SubmitAsync(string cell, int month, Dictionary<string, decimal> points)
    {
        var period = $"{Year}-{month:00}";
        var body = JsonSerializer.Serialize(new
        {
            unitId = cell, accessCode = codes[cell], receiptId = $"E2E-{cell.Replace('.', '-')}-{period}", period, criteria = points,
            facts = new { held = true, combined = false, membersTotal = 20, membersExempt = 1, membersPresent = 18, unexcusedAbsent = 0, durationMinutes = 100, memberDisciplined = false },
        });
        var response = await host.SendAsync(HttpMethod.Post, "/api/scores", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
        await host.DrainQueueAsync(StorageNames.ScoreEventsQueue);
    }

    private async Task AcknowledgeAsync(AlertKey key)
    {
        var alert = (await host.Services.GetRequiredService<IAlertStore>().GetAsync(key, default))!.Alert;
        var url = host.Services.GetRequiredService<AlertLinks>().Acknowledge(key, alert.StepsTaken, clock.GetUtcNow());
        var token = Uri.UnescapeDataString(url[(url.IndexOf("link=", StringComparison.Ordinal) + 5)..]);
        var response = await host.SendAsync(HttpMethod.Post, "/api/alerts/acknowledge",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["link"] = token }));
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
    }

    private async Task TimerAsync(string timer, int month, int day, int hour, int minute = 0)
    {
        At(month, day, hour, minute);
        await host.RunTimerAsync(timer, new TimerInfo());
        await host.DrainQueueAsync(StorageNames.DigestsQueue);
        Assert.Empty(host.QueueFailures);
    }

    private void At(int month, int day, int hour, int minute = 0) =>
        clock.SetUtcNow(new DateTimeOffset(Year, month, day, hour, minute, 0, VietnamDate.Offset));

    private async Task<List<string>> BlobNamesAsync(string containerName)
    {
        var names = new List<string>();
        await foreach (var blob in host.Services.GetRequiredService<StorageClients>().Blobs.GetBlobContainerClient(containerName).GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
