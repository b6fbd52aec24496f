using PartyFunctions.Notifications;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Notifications;

internal static class SampleDigests
{
    /// <summary>A cut-off digest for an assigned member: two overdue cells and a weak month, in Vietnamese.</summary>
    public static Digest ForAssignedMember(string email = "uvtv.nguyen@tinhuy.example.vn") =>
        new(
            DigestId.For($"cutoff-2025-11-{Twins.Hex(32, "digest run")}", email),
            new Recipient(email, "Nguyễn Văn Hùng"),
            Digest.Vietnamese,
            new DateTimeOffset(2025, 12, 8, 17, 5, 0, TimeSpan.Zero),
            [
                new DigestItem(NotificationKind.Overdue, "BN.TUMAI.DONGCAO", "Chi bộ thôn Đống Cao", "11/2025", "overdue", 1, ActionUrl: "https://party.example.vn/api/alerts/ack?t=abc"),
                new DigestItem(NotificationKind.Overdue, "BN.TUMAI.DONGLONG", "Chi bộ thôn Đồng Long", "11/2025", "overdue", 1, ActionUrl: "https://party.example.vn/api/alerts/ack?t=def"),
                new DigestItem(NotificationKind.WeakMonth, "BN.TUMAI.TRUNG", "Chi bộ thôn Trung", "10/2025", "weak-month", 1, ActionUrl: "https://party.example.vn/api/alerts/ack?t=ghi"),
            ]);
}
