using System.Text.Encodings.Web;
using Fluid;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Submissions;

namespace PartyFunctions.Presentation.Notifications;

/// <summary>
/// Renders a digest into a subject, an HTML part and a plain-text part from the Liquid templates in
/// Templates/Notifications (one set per language; Vietnamese is the default). Every value is HTML-encoded
/// in the HTML part; Vietnamese letters stay as they are. Long digests list the first lines of each group
/// and count the rest, which keeps every email well under 100 KB.
/// </summary>
public sealed class DigestRenderer : IDigestRenderer
{
    /// <summary>Lines listed in one email; the rest are counted. Up to about 900 bytes each (HTML and text, both links).</summary>
    public const int MaxItemsShown = 100;

    private static readonly string[] Languages = [Digest.Vietnamese, Digest.English];
    private static readonly string[] Parts = ["subject", "item", "html", "text"];

    private readonly Dictionary<string, IFluidTemplate> templates = [];
    private readonly TemplateOptions options = LiquidTemplates.Options(
        typeof(DigestView), typeof(GroupView), typeof(ItemView), typeof(ItemContext), typeof(ItemFields));

    public DigestRenderer()
    {
        foreach (var language in Languages)
        {
            foreach (var part in Parts)
            {
                templates[$"{part}.{language}"] = LiquidTemplates.Get($"{part}.{language}");
            }
        }
    }

    public EmailMessage Render(Digest digest, string from)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var language = Languages.Contains(digest.Language) ? digest.Language : Digest.Vietnamese;
        var groups = Group(digest.Items);
        // The subject and the text part share one view: their lines are rendered without HTML encoding once.
        var textView = View(digest, groups, language, NullEncoder.Default);
        var subject = Render("subject", language, textView, NullEncoder.Default).ReplaceLineEndings(" ").Trim();
        var text = Render("text", language, textView with { Subject = subject }, NullEncoder.Default);
        var html = Render("html", language, View(digest, groups, language, LiquidTemplates.Html) with { Subject = subject }, LiquidTemplates.Html);
        return new EmailMessage(from, digest.Recipient, subject, html, text, Categories(digest), CustomArgs(digest));
    }

    private static List<(DigestAction Action, List<DigestItem> Shown, int Count)> Group(IReadOnlyList<DigestItem> items)
    {
        var budget = MaxItemsShown;
        var groups = new List<(DigestAction, List<DigestItem>, int)>();
        foreach (var group in items.GroupBy(i => NotificationKinds.ActionOf(i.Kind)).OrderBy(g => g.Key))
        {
            var all = group.ToList();
            var shown = all.Take(budget).ToList();
            budget -= shown.Count;
            groups.Add((group.Key, shown, all.Count));
        }

        return groups;
    }

    private DigestView View(
        Digest digest, List<(DigestAction Action, List<DigestItem> Shown, int Count)> groups, string language, TextEncoder encoder) =>
        new(
            string.Empty,
            digest.Recipient.Name,
            digest.Id.ToString(),
            groups.Select(g => new GroupView(
                g.Action.ToString(),
                g.Count,
                g.Count - g.Shown.Count,
                g.Shown.Select(item => new ItemView(
                    Render("item", language, new ItemContext(ItemFields.Of(item, language == Digest.English, digest.CreatedAt)), encoder),
                    SafeUrl(item.ActionUrl), SafeUrl(item.ViewUrl), IsPlan(item.Rule), SafeUrl(item.TrackerUrl), SafeUrl(item.DeskUrl))).ToList()))
            .ToList(),
            digest.Recipient.Office);

    private string Render(string part, string language, object model, TextEncoder encoder) =>
        templates[$"{part}.{language}"].Render(new TemplateContext(model, options), encoder);

    /// <summary>Only absolute http(s) links reach an email: a stored javascript: or data: URL is dropped.</summary>
    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    private static List<string> Categories(Digest digest) =>
        // SendGrid takes at most 10 categories per message.
        ["partyfunctions", .. digest.Items.Select(i => i.Kind.ToString().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).Take(9)];

    private static Dictionary<string, string> CustomArgs(Digest digest) => new()
    {
        ["runId"] = digest.Id.RunId,
        ["digestId"] = digest.Id.ToString(),
        ["rules"] = string.Join(',', digest.Items.Select(i => i.Rule ?? i.Kind.ToString()).Distinct().Order(StringComparer.Ordinal)),
    };

    private sealed record DigestView(string Subject, string? RecipientName, string DigestId, IReadOnlyList<GroupView> Groups, bool Office);

    private sealed record GroupView(string Action, int Count, int Hidden, IReadOnlyList<ItemView> Items);

    /// <summary><paramref name="Plan"/>: the line's view link opens a remediation plan (or a committee's plans), and says so.</summary>
    private sealed record ItemView(string Line, string? Url, string? ViewUrl, bool Plan, string? TrackerUrl, string? DeskUrl);

    private static bool IsPlan(string? rule) => PartyFunctions.Remediation.PlanRules.AsksForPlan(rule) || rule == Alerts.AlertRules.PlanOverdue;

    private sealed record ItemContext(ItemFields Item);

    /// <summary>
    /// One line's words: the period as "tháng 11/2025" (or a year), the rule spelled out, and for a reminder the full due
    /// date and whether the email goes out on that last day.
    /// </summary>
    private sealed record ItemFields(
        string Kind, string UnitId, string UnitName, string? Period, int? Level, string? Detail, string Rule, string? Due, bool LastDay)
    {
        public static ItemFields Of(DigestItem item, bool en, DateTimeOffset sentAt)
        {
            var due = ScorePeriod.TryParse(item.Period, out var period) ? VietnamDate.DayOf(ReportingCalendar.Due(period).AddTicks(-1)) : (DateOnly?)null;
            return new(item.Kind.ToString(), item.UnitId, item.UnitName, Wording.Month(item.Period, en), item.Level, item.Detail,
                Wording.Rule(item.Rule, en), due is { } day ? Wording.Date(day) : null, due == VietnamDate.DayOf(sentAt));
        }
    }
}
