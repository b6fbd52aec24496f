using Microsoft.Extensions.DependencyInjection;
using Moq;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Remediation;
using PartyFunctions.Telemetry;
using PartyFunctions.UnitTests.Fakes;

namespace PartyFunctions.UnitTests.Alerts;

/// <summary>What one dispatch does with each alert (docs/domain.md, "Deadlines and escalation"), over in-memory ports.</summary>
public sealed class AlertDispatcherTests : IDisposable
{
    private static readonly DateTimeOffset Opened = new(2025, 12, 3, 10, 0, 0, VietnamDate.Offset);
    private static readonly Unit Cell = new("G.C1", "G", UnitKind.Cell, "Chi bộ thôn Một", new DateOnly(2025, 1, 1), AssignedMemberName: "Lê Văn Cường", AssignedMemberEmail: "am@example.vn");
    private static readonly Unit Committee = new("G", null, UnitKind.Grassroots, "Đảng ủy xã", new DateOnly(2020, 1, 1), OfficeEmail: "vp@example.vn");

    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly Mock<IAlertStore> store = new();
    private readonly InMemoryOutbox outbox = new();
    private readonly RecordingDigestScheduler scheduler = new();

    public AlertDispatcherTests() =>
        store.Setup(s => s.TryReplaceAsync(It.IsAny<Alert>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(AlertWrite.Written);

    [Fact]
    public async Task An_alert_the_run_resolved_before_anyone_was_told_is_written_resolved_and_tells_nobody()
    {
        var resolved = Open().Resolve(Opened.AddDays(1), AlertTransition.System, "month no longer weak");

        await Dispatcher().DispatchAsync("escalation-2025-12-04", [new StoredAlert(resolved, "etag-1")], Opened.AddDays(1), default);

        store.Verify(s => s.TryReplaceAsync(It.Is<Alert>(a => a.State == AlertState.Resolved), "etag-1", It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(outbox.Digests);
    }

    [Fact]
    public async Task A_new_alert_tells_its_first_level_in_the_run_digest_and_records_the_step()
    {
        var result = await Dispatcher().DispatchAsync("escalation-2025-12-03", [new StoredAlert(Open(), "etag-1")], Opened, default);

        Assert.Equal((1, 1), (result.Digests, result.AlertsChanged));
        var digest = Assert.Single(outbox.Digests);
        Assert.Equal(("am@example.vn", NotificationKind.WeakMonth), (digest.Recipient.Email, Assert.Single(digest.Items).Kind));
        store.Verify(s => s.TryReplaceAsync(It.Is<Alert>(a => a.StepsTaken == 1), "etag-1", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_alert_with_nothing_due_is_left_alone()
    {
        var told = Open().Take(0, Opened);

        var result = await Dispatcher().DispatchAsync("escalation-2025-12-05", [new StoredAlert(told, "etag-2")], Opened.AddDays(2), default);

        Assert.Equal((0, 0), (result.Digests, result.AlertsChanged));
        store.Verify(s => s.TryReplaceAsync(It.IsAny<Alert>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    public void Dispose() => services.Dispose();

    private AlertDispatcher Dispatcher()
    {
        var signer = new LinkSigner(new LinkSigningKey(Convert.ToBase64String(new byte[32])), TimeProvider.System);
        var site = new AppBaseUrl("https://party.example.vn");
        return new(store.Object, new DigestPoster(outbox, scheduler), new AlertLinks(signer, site), new PlanLinks(signer, site), new Mock<IUnitStore>().Object,
            new PartyMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
    }

    private static Alert Open() =>
        Alert.Open(new AlertKey(AlertRules.WeakMonth, Cell.Id, "2025-11"), Cell, EscalationPolicy.Default.ChainFor(Cell, [Committee]), Opened);
}
