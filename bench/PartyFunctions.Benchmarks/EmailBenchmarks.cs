using BenchmarkDotNet.Attributes;
using PartyFunctions.Notifications;
using PartyFunctions.Presentation.Notifications;
using PartyFunctions.Infrastructure.Notifications;
using SendGrid;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// The email pipeline's own cost per digest: rendering a 20-line Vietnamese digest (baseline), and rendering plus
/// sending it with the real SendGrid client to a local HTTP stub that answers 202 at once. The stub stands for
/// SendGrid's API, so the ratio is our overhead, not SendGrid's latency.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class EmailBenchmarks
{
    private readonly DigestRenderer renderer = new();
    private WireMockServer stub = null!;
    private SendGridMailTransport transport = null!;
    private Digest digest = null!;

    [GlobalSetup]
    public void Setup()
    {
        stub = WireMockServer.Start();
        stub.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "bench"));
        stub.ResetLogEntries();
        transport = new SendGridMailTransport(
            new SendGridClient(new SendGridClientOptions { ApiKey = "SG.bench", Host = stub.Url }),
            new SendGridTransportOptions(),
            TimeProvider.System);
        digest = new Digest(
            DigestId.For("cutoff-2025-11", "uvtv@tinhuy.example.vn"),
            new Recipient("uvtv@tinhuy.example.vn", "Nguyễn Văn Hùng"),
            Digest.Vietnamese,
            DateTimeOffset.UnixEpoch,
            [.. Enumerable.Range(1, 20).Select(i => new DigestItem(
                NotificationKind.Overdue, $"BN.TUMAI.C{i:00}", $"Chi bộ thôn số {i}", "11/2025", "overdue", 1,
                ActionUrl: $"https://party.example.vn/api/alerts/ack?t=token{i}"))]);
    }

    [GlobalCleanup]
    public void Cleanup() => stub.Stop();

    [Benchmark(Baseline = true, Description = "render a 20-line digest")]
    public int Render() => renderer.Render(digest, "no-reply@tinhuy.example.vn").Html.Length;

    [Benchmark(Description = "render + send to the SendGrid stub")]
    public async Task<SendOutcome> RenderAndSend() =>
        await transport.SendAsync(renderer.Render(digest, "no-reply@tinhuy.example.vn"), CancellationToken.None);
}
