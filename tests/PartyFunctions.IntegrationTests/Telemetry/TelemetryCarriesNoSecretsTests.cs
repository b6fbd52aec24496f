using PartyFunctions.Alerts;
using PartyFunctions.Configuration;
using PartyFunctions.Hosting;
using PartyFunctions.IntegrationTests.Alerts;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Notifications;
using PartyFunctions.IntegrationTests.Submissions;
using PartyFunctions.Scoring;
using PartyFunctions.Telemetry;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Telemetry;

/// <summary>
/// What the worker exports (spans of the functions' storage and SendGrid calls, logs, metrics) while cells sign in with
/// their codes, superiors follow signed links and digests go out through SendGrid: no access code, link signature or
/// signing key, SendGrid key or email address appears in any of it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryCarriesNoSecretsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string SendGridKey = "SG.telemetry-test-key-must-not-leak";

    [Fact]
    public async Task Sign_in_links_and_email_export_spans_logs_and_metrics_without_any_secret()
    {
        var telemetry = new ExportedTelemetry();
        var secrets = new List<string>();

        // Sign-in: a submission with the cell's code, one with a wrong code, a form with the code.
        await using (var cells = await SubmissionWorld.CreateAsync(azurite, telemetry.Register))
        {
            ExportedTelemetry.Start(cells.Host);
            secrets.AddRange(cells.Codes.Values);
            secrets.Add(cells.Host.Configuration[AppSettings.LinksSigningKey]!);
            Assert.Equal(201, (int)(await cells.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.Cell, cells.Code))).Status);
            await cells.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.OtherCell, cells.Code + "x"));
            secrets.Add(cells.Code + "x");
            await cells.PostFormAsync(cells.Form(("unitId", SubmissionWorld.OtherCell), ("accessCode", cells.Codes[SubmissionWorld.OtherCell])));
        }

        // Links: the cut-off emails level 1 with signed acknowledge links; the assigned member follows one.
        await using (var alerts = await AlertWorld.CreateAsync(azurite, overrides: telemetry.Register))
        {
            ExportedTelemetry.Start(alerts.Host);
            secrets.AddRange([alerts.AssignedMember, alerts.GrassrootsOffice, alerts.DistrictOffice, alerts.Secretary(alerts.C1)]);
            secrets.Add(alerts.Host.Configuration[AppSettings.LinksSigningKey]!);
            alerts.At(2025, 11, 20);
            await alerts.SubmitAsync(alerts.C2, AlertWorld.November, Band.Good);
            alerts.At(2025, 12, 9, 0, 5);
            await alerts.RunAsync("Cutoff");
            var link = (await alerts.DigestAsync("cutoff-2025-11", alerts.AssignedMember))!.Items[0].ActionUrl!;
            var token = new Uri(link).Query.Split('=', 2)[1];
            secrets.Add(Uri.UnescapeDataString(token));
            var page = await alerts.Host.SendAsync(HttpMethod.Get, new Uri(link).PathAndQuery);
            Assert.Equal(200, (int)page.Status);
            await alerts.Host.SendAsync(HttpMethod.Post, new Uri(link).PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>()));
            Assert.Equal(AlertState.Acknowledged, (await alerts.AlertAsync(AlertRules.Overdue, alerts.C1, AlertWorld.November.ToString())).State);
        }

        // Email: one digest accepted by SendGrid, one refused.
        await using (var email = await EmailPipeline.StartAsync(azurite, telemetry.Register, sendGridKey: SendGridKey))
        {
            ExportedTelemetry.Start(email.Host);
            var accepted = SampleDigests.ForAssignedMember("nguoinhan.mot@tinhuy.example.vn");
            var refused = SampleDigests.ForAssignedMember("nguoinhan.hai@tinhuy.example.vn");
            secrets.AddRange([SendGridKey, "SG.test-key", accepted.Recipient.Email, refused.Recipient.Email, EmailPipeline.AdminMailbox, "no-reply@tinhuy.example.vn"]);
            email.SendGrid.Given(Request.Create().WithPath("/v3/mail/send").WithBody(b => b!.Contains("nguoinhan.mot", StringComparison.Ordinal)).UsingPost())
                .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "sg-telemetry"));
            email.SendGrid.Given(Request.Create().WithPath("/v3/mail/send").WithBody(b => b!.Contains("nguoinhan.hai", StringComparison.Ordinal)).UsingPost())
                .RespondWith(Response.Create().WithStatusCode(400).WithBodyAsJson(new { errors = new[] { new { message = "Does not contain a valid address: nguoinhan.hai@tinhuy.example.vn" } } }));
            await email.SubmitAsync(accepted);
            await email.SubmitAsync(refused);
            await email.Host.DrainQueueAsync(StorageNames.DigestsQueue);
            // The accepted one, the refused one, and the administrators' alert about the refusal.
            Assert.Equal(3, email.SentBodies().Count);
        }

        var exported = telemetry.All();
        output.WriteLine($"{exported.Count} items exported; for instance:\n{string.Join('\n', exported.Take(15))}");
        // Not vacuous: storage and SendGrid calls were traced, logs and the business metrics exported.
        Assert.Contains(telemetry.Spans, s => s.Contains("az.namespace=Microsoft.", StringComparison.Ordinal));
        Assert.Contains(telemetry.Spans, s => s.StartsWith($"span {WorkerTelemetry.HttpClientSource} ", StringComparison.Ordinal));
        Assert.NotEmpty(telemetry.Logs);
        Assert.Contains(MetricNames.SubmissionsAccepted, telemetry.MetricNames());
        Assert.Contains(MetricNames.DigestsSent, telemetry.MetricNames());
        foreach (var secret in secrets.Where(s => s.Length > 0).Distinct())
        {
            var leaks = exported.Where(e => e.Contains(secret, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaks.Count == 0, $"A secret ({secret[..3]}…) is in {leaks.Count} exported items, e.g.:\n{string.Join('\n', leaks.Take(3))}");
        }

        Assert.DoesNotContain(exported, e => e.Contains("@tinhuy.example.vn", StringComparison.OrdinalIgnoreCase) || e.Contains("@example.vn", StringComparison.OrdinalIgnoreCase));
    }
}
