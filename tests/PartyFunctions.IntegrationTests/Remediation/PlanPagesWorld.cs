using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using PartyFunctions.IntegrationTests.AnnualRun;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Remediation;

namespace PartyFunctions.IntegrationTests.Remediation;

/// <summary>
/// The small province after its annual run, seen through the plan pages: Q.G2.C01 is weak (annual-weak 2025) with its
/// access code; helpers post the cell's and the member's forms as a browser would.
/// </summary>
internal sealed partial class PlanPagesWorld(Province province, string code) : IAsyncDisposable
{
    public const string Cell = "Q.G2.C01";
    public const string PlanPath = "/api/plan/Q.G2.C01/annual-weak/2025";

    public Province Province { get; } = province;

    public FunctionHost Host => Province.Host;

    public string Code { get; } = code;

    public string ReviewPath => $"/api/review/Q.G2.C01/annual-weak/2025?link={Uri.EscapeDataString(Province.Link(PlanLinks.ReviewAction, Cell))}";

    public static async Task<PlanPagesWorld> CreateAsync(AzuriteFixture azurite)
    {
        var province = await Province.ClassifiedAsync(azurite);
        return new PlanPagesWorld(province, (await province.CodesAsync("Q.G2"))[Cell]);
    }

    public Task<HttpResponseSnapshot> PostAsync(string path, params (string Key, string Value)[] fields) =>
        Host.SendAsync(HttpMethod.Post, path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));

    /// <summary>Signs in on the plan page with the code and answers the page and its session.</summary>
    public async Task<(HttpResponseSnapshot Page, string Session)> SignInAsync()
    {
        var page = await PostAsync(PlanPath, ("do", "signin"), ("accessCode", Code));
        return (page, SessionOf(page.Body));
    }

    public Task<HttpResponseSnapshot> SubmitAsync(string session, params (string Key, string Value)[] items) =>
        PostAsync(PlanPath, [("do", "submit"), ("session", session), .. items]);

    public Task<HttpResponseSnapshot> UploadAsync(string session, string item, byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        return Host.SendAsync(HttpMethod.Post, $"{PlanPath}/evidence?item={item}&session={Uri.EscapeDataString(session)}",
            new MultipartFormDataContent { { file, "file", fileName } });
    }

    public static string SessionOf(string html) => SessionField().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("The page carries no session.");

    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    [GeneratedRegex("name=\"session\" value=\"([^\"]+)\"")]
    private static partial Regex SessionField();
}
