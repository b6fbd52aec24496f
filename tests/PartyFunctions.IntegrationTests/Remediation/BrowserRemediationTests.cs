using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.AnnualRun;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Pages;
using PartyFunctions.Notifications;
using PartyFunctions.Remediation;

namespace PartyFunctions.IntegrationTests.Remediation;

/// <summary>
/// Issue 16's whole flow in a real headless Chromium at 360 px, as the two people meet it: the weak cell signs in with
/// its code, writes its plan and uploads a photo from the phone; the assigned member returns it with a comment; the
/// cell revises and submits it; the member accepts it, closes the item and the plan; the annual-weak alert resolves.
/// Screenshots go to TestResults/ (docs/remediation.md shows them).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrowserRemediationTests(AzuriteFixture azurite)
{
    private static readonly AlertKey Key = new(AlertRules.AnnualWeak, "Q.G2.C01", "2025");

    [Fact]
    public async Task A_weak_cell_and_its_member_take_a_plan_from_draft_to_closed_on_phones_and_the_alert_resolves()
    {
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;
        var code = (await province.CodesAsync("Q.G2"))["Q.G2.C01"];
        await using var front = await HttpFront.StartAsync(host);
        using var browser = HeadlessChromium.Start(height: 1400);
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(15));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        var planPage = $"{front.BaseUrl}/api/plan/Q.G2.C01/annual-weak/2025";
        var reviewPage = $"{front.BaseUrl}/api/review/Q.G2.C01/annual-weak/2025?link={Uri.EscapeDataString(province.Link(PlanLinks.ReviewAction, "Q.G2.C01"))}";

        // The cell: sign in from the email's link, write one item, submit.
        SignIn(browser, wait, planPage, code);
        Assert.Contains("Kém", browser.FindElement(By.CssSelector(".months")).Text, StringComparison.Ordinal);
        Type(browser, "title1", "Tổ chức lại sinh hoạt chi bộ đúng kỳ, có biên bản");
        Type(browser, "owner1", "Đồng chí Bí thư chi bộ");
        SetDate(browser, "due1", "2026-03-31");
        Press(browser, wait, "submit", "Đã gửi kế hoạch");
        Assert.True(HeadlessChromium.FitsTheWidth(browser), "The plan page scrolls sideways at 360 px.");

        // A photo of the minutes, from the phone's file input: shown back with its size, time and a thumbnail.
        var photo = Path.Combine(Directory.CreateTempSubdirectory("evidence-").FullName, "bien-ban.png");
        await File.WriteAllBytesAsync(photo, Convert.FromBase64String(OnePixelPng));
        browser.FindElement(By.Id("file1")).SendKeys(photo);
        browser.FindElement(By.CssSelector("form[enctype='multipart/form-data'] button")).Click();
        var evidence = wait.Until(d => d.FindElements(By.CssSelector(".evidence li")).FirstOrDefault());
        Assert.Contains("bien-ban.png", evidence!.Text, StringComparison.Ordinal);
        Assert.True(evidence.Text.Contains("KB", StringComparison.Ordinal), evidence.Text);
        var thumbnail = browser.FindElement(By.CssSelector(".evidence img"));
        ((IJavaScriptExecutor)browser).ExecuteScript("arguments[0].scrollIntoView();", thumbnail);
        using (var http = new HttpClient())
        {
            var answer = await http.GetAsync(new Uri(thumbnail.GetAttribute("src")!));
            Assert.True(answer.IsSuccessStatusCode, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
            Assert.Equal("image/png", answer.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Convert.FromBase64String(OnePixelPng), await answer.Content.ReadAsByteArrayAsync());
        }

        var loaded = false;
        for (var tries = 0; tries < 50 && !loaded; tries++)
        {
            loaded = (bool)((IJavaScriptExecutor)browser).ExecuteScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", thumbnail)!;
            await Task.Delay(100);
        }

        Assert.True(loaded, "The thumbnail did not load: " + ((IJavaScriptExecutor)browser).ExecuteScript(
            "return arguments[0].outerHTML + ' ' + arguments[0].complete + ' ' + arguments[0].naturalWidth;", thumbnail));
        HeadlessChromium.Screenshot(browser, "remediation-cell-plan-360.png");

        // The member returns it with a comment; a return without a name or comment is refused beside the field.
        browser.Navigate().GoToUrl(reviewPage);
        Press(browser, wait, "return", "Cần ghi họ tên");
        Type(browser, "by", "Nguyễn Văn An");
        Type(browser, "comment", "Ghi rõ thời gian từng buổi sinh hoạt bù.");
        Press(browser, wait, "return", "Đã trả lại kế hoạch");
        Assert.True(HeadlessChromium.FitsTheWidth(browser), "The review page scrolls sideways at 360 px.");
        HeadlessChromium.Screenshot(browser, "remediation-review-returned-360.png");

        // The cell sees the comment, revises and submits again.
        SignIn(browser, wait, planPage, code);
        Assert.Contains("Ghi rõ thời gian", browser.FindElement(By.CssSelector(".warn")).Text, StringComparison.Ordinal);
        Type(browser, "title1", " (tháng 1, 2, 3 năm 2026)");
        Press(browser, wait, "submit", "Đã gửi kế hoạch");

        // The member accepts, closes the item with a note, then the plan.
        browser.Navigate().GoToUrl(reviewPage);
        Type(browser, "by", "Nguyễn Văn An");
        Press(browser, wait, "accept", "Đã chấp nhận");
        Type(browser, "by", "Nguyễn Văn An");
        Type(browser, "note1", "Đã dự buổi sinh hoạt tháng 1, có biên bản");
        Press(browser, wait, "close-1", "Đã kết thúc nội dung 1");
        Type(browser, "by", "Nguyễn Văn An");
        Press(browser, wait, "close-plan", "Đã kết thúc kế hoạch");
        HeadlessChromium.Screenshot(browser, "remediation-review-closed-360.png");

        var plan = (await host.Services.GetRequiredService<IRemediationStore>().GetAsync(Key, default))!.Plan;
        Assert.Equal(PlanState.Closed, plan.State);
        Assert.Equal(
            [PlanActionKind.Submitted, PlanActionKind.Returned, PlanActionKind.Submitted, PlanActionKind.Accepted, PlanActionKind.ItemClosed, PlanActionKind.Closed],
            plan.Actions.Select(a => a.Kind));
        Assert.Equal("Nguyễn Văn An", plan.Actions[1].Actor);
        Assert.False((await host.Services.GetRequiredService<IAlertStore>().GetAsync(Key, default))!.Alert.IsOpen);
        var told = await host.Services.GetRequiredService<IOutbox>().GetAsync(
            DigestId.For("plan-returned-Q.G2.C01-annual-weak-2025-1", "bithu.q-g2-c01@gmail.com"), default);
        var line = Assert.Single(told!.Digest.Items);
        Assert.Equal((NotificationKind.PlanReturned, "Ghi rõ thời gian từng buổi sinh hoạt bù."), (line.Kind, line.Detail));
        Assert.EndsWith("/api/plan/Q.G2.C01/annual-weak/2025", line.ActionUrl, StringComparison.Ordinal);
    }

    private static void SignIn(ChromeDriver browser, WebDriverWait wait, string planPage, string code)
    {
        browser.Navigate().GoToUrl(planPage);
        browser.FindElement(By.Id("accessCode")).SendKeys(code);
        browser.FindElement(By.CssSelector("button[type=submit]")).Click();
        wait.Until(d => d.FindElements(By.Id("why")).FirstOrDefault());
    }

    private static void Type(ChromeDriver browser, string id, string text) => browser.FindElement(By.Id(id)).SendKeys(text);

    // A date input takes typed digits in the browser's locale order: setting the value is what a date picker does.
    private static void SetDate(ChromeDriver browser, string id, string isoDate) =>
        ((IJavaScriptExecutor)browser).ExecuteScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);

    private static void Press(ChromeDriver browser, WebDriverWait wait, string button, string expected)
    {
        browser.FindElement(By.CssSelector($"button[name=do][value='{button}']")).Click();
        try
        {
            wait.Until(d => d.FindElement(By.TagName("main")).Text.Contains(expected, StringComparison.Ordinal));
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"After {button}, no \"{expected}\" in: {browser.FindElement(By.TagName("body")).Text}");
        }
    }

    // A real 1×1 PNG: the page's thumbnail must load it.
    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
}
