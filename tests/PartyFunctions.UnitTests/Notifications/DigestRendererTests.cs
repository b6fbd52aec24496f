using System.Text.RegularExpressions;
using PartyFunctions.Access;
using PartyFunctions.Notifications;
using PartyFunctions.Presentation.Notifications;

namespace PartyFunctions.UnitTests.Notifications;

public sealed partial class DigestRendererTests
{
    private static readonly DigestRenderer Renderer = new();

    [Theory]
    [InlineData(Digest.Vietnamese)]
    [InlineData(Digest.English)]
    public void Renders_the_assigned_members_digest_as_approved(string language)
    {
        var email = Renderer.Render(DigestSamples.ForAssignedMember(language), "no-reply@tinhuy.example.vn");

        Snapshot.Match($"assigned-member.{language}.subject.txt", email.Subject);
        Snapshot.Match($"assigned-member.{language}.txt", email.Text);
        Snapshot.Match($"assigned-member.{language}.html", email.Html);
    }

    [Fact]
    public void Keeps_Vietnamese_letters_as_they_are_in_both_parts()
    {
        var email = Renderer.Render(DigestSamples.ForAssignedMember(Digest.Vietnamese), "no-reply@x.vn");

        Assert.Contains("Chi bộ thôn Đống Cao", email.Html, StringComparison.Ordinal);
        Assert.Contains("Chi bộ thôn Đống Cao", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", email.Html, StringComparison.Ordinal);
        Assert.StartsWith("Cần xác nhận đã nắm: 3 cảnh báo; Báo cáo xếp loại năm: 1 báo cáo; Để biết: 1 thông báo", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_action_link_is_signed_and_scoped_to_its_own_unit()
    {
        var email = Renderer.Render(DigestSamples.ForAssignedMember(Digest.Vietnamese), "no-reply@x.vn");
        var signer = new LinkSigner(DigestSamples.Key, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DigestSamples.Now));

        var tokens = AckToken().Matches(email.Html).Select(m => m.Groups["token"].Value).ToList();

        Assert.Equal(3, tokens.Count);
        var scopes = tokens.Select(t => signer.Verify(t, "ack")).Select(v => Assert.IsType<SignedLink>(v.Link).ScopeUnitId);
        Assert.Equal(["BN.TUMAI.DONGCAO", "BN.TUMAI.TRUNG", "BN.TUMAI.HA"], scopes);
    }

    [Fact]
    public void A_line_to_the_assigned_member_links_their_desk_in_both_parts_and_a_line_without_one_does_not()
    {
        const string Desk = "https://party.example.vn/api/desk/0123456789abcdef?link=d";
        var digest = DigestSamples.WithItems(
            new DigestItem(NotificationKind.Overdue, "BN.C1", "Chi bộ thôn Một", "2025-11", "overdue", 1, ActionUrl: "https://party.example.vn/api/alerts/acknowledge?link=a", DeskUrl: Desk),
            new DigestItem(NotificationKind.Overdue, "BN.C2", "Chi bộ thôn Hai", "2025-11", "overdue", 1, ActionUrl: "https://party.example.vn/api/alerts/acknowledge?link=b"));

        var vi = Renderer.Render(digest, "no-reply@x.vn");
        var en = Renderer.Render(digest with { Language = Digest.English }, "no-reply@x.vn");

        Assert.Single(Regex.Matches(vi.Html, Regex.Escape($"<a href=\"{Desk}\" style=\"color:#0b57d0\">Bàn làm việc của đồng chí</a>")));
        Assert.Single(Regex.Matches(en.Html, Regex.Escape($"<a href=\"{Desk}\" style=\"color:#0b57d0\">Your desk</a>")));
        Assert.Single(Regex.Matches(vi.Text, Regex.Escape("  " + Desk + "\n")));
        Assert.Single(Regex.Matches(en.Text, Regex.Escape("  " + Desk + "\n")));
    }

    [Fact]
    public void Encodes_every_value_in_the_HTML_part_and_drops_links_that_are_not_http()
    {
        var digest = DigestSamples.WithItems(new DigestItem(
            NotificationKind.Overdue, "X\"><img src=x onerror=alert(1)>", "<script>alert('chi bộ')</script>", "2025-11",
            Detail: "a & b", ActionUrl: "javascript:alert(1)"));

        var email = Renderer.Render(digest with { Recipient = new Recipient("a@example.vn", "<b>Hùng</b>") }, "no-reply@x.vn");

        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Hùng", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;chi bộ&#x27;)&lt;/script&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains("a &amp; b", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", email.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert('chi bộ')</script>", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_province_sized_digest_lists_the_first_lines_counts_the_rest_and_stays_under_100_KB()
    {
        var items = Enumerable.Range(1, 2_000)
            .Select(i => new DigestItem(NotificationKind.Overdue, $"TH.CELL{i:00000}", $"Chi bộ thôn số {i} xã Đông Sơn", "2025-11", "overdue", 1,
                ActionUrl: DigestSamples.AckLink($"TH.CELL{i:00000}", $"overdue|TH.CELL{i:00000}|2025-11")))
            .ToArray();

        var email = Renderer.Render(DigestSamples.WithItems(items), "no-reply@x.vn");

        var size = System.Text.Encoding.UTF8.GetByteCount(email.Html) + System.Text.Encoding.UTF8.GetByteCount(email.Text);
        Assert.True(size < 100_000, $"{size} bytes");
        Assert.Equal(DigestRenderer.MaxItemsShown, AckToken().Count(email.Html));
        Assert.Contains($"và {2_000 - DigestRenderer.MaxItemsShown} mục khác", email.Html, StringComparison.Ordinal);
        Assert.StartsWith("Cần xác nhận đã nắm: 2000 cảnh báo", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reminder_asks_the_secretary_to_submit_and_an_unknown_language_falls_back_to_Vietnamese()
    {
        var digest = DigestSamples.WithItems(new DigestItem(NotificationKind.Reminder, "BN.TUMAI.DONGCAO", "Chi bộ thôn Đống Cao", "2025-11", "reminder"))
            with { Language = "fr" };

        var email = Renderer.Render(digest, "no-reply@x.vn");

        Assert.StartsWith("Cần nộp tự chấm điểm: 1 tháng", email.Subject, StringComparison.Ordinal);
        Assert.Contains("chưa nộp tự chấm điểm tháng 11/2025", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Carries_at_most_ten_categories_and_the_run_digest_and_rules_as_custom_args()
    {
        var items = Enum.GetValues<NotificationKind>().Select(k => new DigestItem(k, "U1", "Chi bộ 1", "2025-11", k.ToString().ToLowerInvariant())).ToArray();

        var email = Renderer.Render(DigestSamples.WithItems(items), "no-reply@x.vn");

        Assert.True(email.Categories.Count <= 10);
        Assert.Equal("partyfunctions", email.Categories[0]);
        Assert.Equal("run-1", email.CustomArgs["runId"]);
        Assert.Equal(DigestSamples.WithItems().Id.ToString(), email.CustomArgs["digestId"]);
        Assert.Contains("needsconsolidation", email.CustomArgs["rules"], StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"https://party\\.example\\.vn/api/alerts/ack\\?t=(?<token>[^\"]+)\"")]
    private static partial Regex AckToken();
}
