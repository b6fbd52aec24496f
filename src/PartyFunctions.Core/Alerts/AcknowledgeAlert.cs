using PartyFunctions.Access;
using PartyFunctions.Concurrency;
using PartyFunctions.Policy;

namespace PartyFunctions.Alerts;

/// <summary>
/// Use case: acknowledging an alert from the signed link in an email. <see cref="PreviewAsync"/> only reads (the GET
/// page that mail scanners may prefetch); <see cref="AcknowledgeAsync"/> stops the chain (the POST). The actor recorded
/// is the level the link was sent to, e.g. "level 2 (BN.TUMAI.DONGCAO)": links carry no personal data.
/// </summary>
public sealed class AcknowledgeAlert(AlertLinks links, IAlertStore store, TimeProvider clock)
{
    public async Task<AcknowledgeResult> PreviewAsync(string? token, CancellationToken cancellationToken)
    {
        var link = links.Read(token);
        if (link.Key is null)
        {
            return AcknowledgeResult.Refused(link.Status, link.Message);
        }

        return await store.GetAsync(link.Key, cancellationToken) is { } stored
            ? new AcknowledgeResult(AcknowledgeStatus.Found, stored.Alert, link.Message)
            : AcknowledgeResult.NotFound;
    }

    public async Task<AcknowledgeResult> AcknowledgeAsync(string? token, CancellationToken cancellationToken)
    {
        var link = links.Read(token);
        if (link.Key is null)
        {
            return AcknowledgeResult.Refused(link.Status, link.Message);
        }

        return await OptimisticUpdate.RunAsync(
            async ct =>
            {
                if (await store.GetAsync(link.Key, ct) is not { } stored)
                {
                    return Attempt.Done(AcknowledgeResult.NotFound);
                }

                if (stored.Alert.State != AlertState.Open)
                {
                    return Attempt.Done(new AcknowledgeResult(AcknowledgeStatus.AlreadyDone, stored.Alert, new LocalizedText("Cảnh báo đã được xác nhận hoặc đã giải quyết", "Already acknowledged or resolved.")));
                }

                var chainUnit = stored.Alert.Chain.FirstOrDefault(s => s.Level == link.Level)?.RecipientUnitId ?? link.Key.UnitId;
                var acknowledged = stored.Alert.Acknowledge(clock.GetUtcNow(), $"level {link.Level} ({chainUnit})");
                return Attempt.DoneIf(await store.TryReplaceAsync(acknowledged, stored.ETag, ct) != AlertWrite.Conflict,
                    new AcknowledgeResult(AcknowledgeStatus.Acknowledged, acknowledged, new LocalizedText("Đã xác nhận cảnh báo", "Alert acknowledged.")));
            },
            () => new AcknowledgeResult(AcknowledgeStatus.Busy, null, new LocalizedText("Cảnh báo đang được cập nhật; hãy thử lại", "The alert is being updated, try again.")),
            cancellationToken);
    }
}

public enum AcknowledgeStatus
{
    Found,
    Acknowledged,
    AlreadyDone,
    NotFound,
    LinkRefused,
    Busy,
}

/// <summary>The outcome of reading or using an acknowledge link, with a message for the page (Vietnamese first).</summary>
public sealed record AcknowledgeResult(AcknowledgeStatus Status, Alert? Alert, LocalizedText Message, LinkStatus LinkStatus = LinkStatus.Valid)
{
    public static AcknowledgeResult NotFound { get; } = new(AcknowledgeStatus.NotFound, null, new LocalizedText("Không tìm thấy cảnh báo", "No such alert."));

    public static AcknowledgeResult Refused(LinkStatus status, LocalizedText message) => new(AcknowledgeStatus.LinkRefused, null, message, status);
}
