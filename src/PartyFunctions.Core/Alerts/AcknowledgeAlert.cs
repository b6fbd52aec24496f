using PartyFunctions.Access;

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

        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await store.GetAsync(link.Key, cancellationToken) is not { } stored)
            {
                return AcknowledgeResult.NotFound;
            }

            if (stored.Alert.State != AlertState.Open)
            {
                return new AcknowledgeResult(AcknowledgeStatus.AlreadyDone, stored.Alert, "Cảnh báo đã được xác nhận hoặc đã giải quyết / already acknowledged or resolved.");
            }

            var chainUnit = stored.Alert.Chain.FirstOrDefault(s => s.Level == link.Level)?.RecipientUnitId ?? link.Key.UnitId;
            var acknowledged = stored.Alert.Acknowledge(clock.GetUtcNow(), $"level {link.Level} ({chainUnit})");
            if (await store.TryReplaceAsync(acknowledged, stored.ETag, cancellationToken) != AlertWrite.Conflict)
            {
                return new AcknowledgeResult(AcknowledgeStatus.Acknowledged, acknowledged, "Đã xác nhận cảnh báo / alert acknowledged.");
            }
        }

        return new AcknowledgeResult(AcknowledgeStatus.Busy, null, "Cảnh báo đang được cập nhật; hãy thử lại / the alert is being updated, try again.");
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
public sealed record AcknowledgeResult(AcknowledgeStatus Status, Alert? Alert, string Message, LinkStatus LinkStatus = LinkStatus.Valid)
{
    public static AcknowledgeResult NotFound { get; } = new(AcknowledgeStatus.NotFound, null, "Không tìm thấy cảnh báo / no such alert.");

    public static AcknowledgeResult Refused(LinkStatus status, string message) => new(AcknowledgeStatus.LinkRefused, null, message, status);
}
