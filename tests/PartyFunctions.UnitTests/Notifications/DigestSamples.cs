using PartyFunctions.Access;
using PartyFunctions.Notifications;

namespace PartyFunctions.UnitTests.Notifications;

internal static class DigestSamples
{
    public static readonly LinkSigningKey Key = new(Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
    public static readonly DateTimeOffset Now = new(2025, 12, 8, 17, 5, 0, TimeSpan.Zero);

    public static string AckLink(string unitId, string alertId) =>
        "https://party.example.vn/api/alerts/ack?t=" +
        new LinkSigner(Key, TimeProvider.System).Sign(new SignedLink("ack", unitId, Now.AddDays(30), alertId));

    /// <summary>A cut-off and escalation digest for an assigned member: every kind a superior receives.</summary>
    public static Digest ForAssignedMember(string language) =>
        new(
            DigestId.For("cutoff-2025-11", "uvtv.nguyen@tinhuy.example.vn"),
            new Recipient("uvtv.nguyen@tinhuy.example.vn", "Nguyễn Văn Hùng"),
            language,
            Now,
            [
                new DigestItem(NotificationKind.Overdue, "BN.TUMAI.DONGCAO", "Chi bộ thôn Đống Cao", "2025-11", "overdue", 1, ActionUrl: AckLink("BN.TUMAI.DONGCAO", "overdue|BN.TUMAI.DONGCAO|2025-11")),
                new DigestItem(NotificationKind.WeakMonth, "BN.TUMAI.TRUNG", "Chi bộ thôn Trung", "2025-10", "weak-month", 1, ActionUrl: AckLink("BN.TUMAI.TRUNG", "weak-month|BN.TUMAI.TRUNG|2025-10")),
                new DigestItem(NotificationKind.Escalated, "BN.TUMAI.HA", "Chi bộ thôn Hạ", "2025-09", "overdue", 2, ActionUrl: AckLink("BN.TUMAI.HA", "overdue|BN.TUMAI.HA|2025-09")),
                new DigestItem(NotificationKind.AnnualReportReady, "BN.TUMAI", "Đảng ủy xã Tư Mại", "2025", ActionUrl: "https://party.example.vn/api/reports/2025/BN.TUMAI?t=x"),
                new DigestItem(NotificationKind.Resolved, "BN.TUMAI.DONGLONG", "Chi bộ thôn Đồng Long", "2025-08", "overdue"),
            ]);

    public static Digest WithItems(params DigestItem[] items) =>
        new(DigestId.For("run-1", "a@example.vn"), new Recipient("a@example.vn"), Digest.Vietnamese, Now, items);
}
