using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Submissions;

namespace PartyFunctions.IntegrationTests.Security;

/// <summary>Issue 15 item 7: every HTML page, whatever its status, carries the same security headers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class SecurityHeadersTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "GET", "/api/form" },
        { "POST", "/api/form" },
        { "GET", "/api/status/BN.TUMAI.DONGCAO/2025-11?link=forged" },
        { "GET", "/api/confirm/BN.TUMAI.DONGCAO.CB1/2025-11?link=forged" },
        { "GET", "/api/decisions/2025/BN.TUMAI.DONGCAO?link=forged" },
        { "POST", "/api/alerts/acknowledge?link=forged" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_html_page_forbids_scripts_framing_sniffing_referrers_and_caching(string method, string path)
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);

        var page = await world.Host.SendAsync(new HttpMethod(method), path,
            method == "POST" ? new FormUrlEncodedContent(world.Form(("accessCode", "AAAA-BBBB-CCCC"))) : null);

        Assert.StartsWith("text/html", page.ContentType, StringComparison.Ordinal);
        var csp = page.Headers.ContentSecurityPolicy.ToString();
        Assert.StartsWith("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.XContentTypeOptions.ToString());
        Assert.Equal("no-referrer", page.Headers["Referrer-Policy"].ToString());
        Assert.Equal("no-store", page.Headers.CacheControl.ToString());
        // The only scripts a page may run are the templates' own, each allowed by its hash.
        foreach (Match script in Script().Matches(page.Body))
        {
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script.Groups[1].Value)));
            Assert.Contains($"'sha256-{hash}'", csp, StringComparison.Ordinal);
        }

        Assert.NotEqual(HttpStatusCode.InternalServerError, page.Status);
    }

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex Script();
}
