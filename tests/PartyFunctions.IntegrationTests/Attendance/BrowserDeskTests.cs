using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Pages;

namespace PartyFunctions.IntegrationTests.Attendance;

/// <summary>
/// Issue 17's member in a real headless Chromium at 360 px (3 December 2025, the sample province): Lê Văn Cường, assigned
/// to Chi bộ thôn Đông, which scored its November 95, opens his desk, follows its link to the attendance form, records
/// the meeting he attended with his own score of 84, and sees the gap back on his desk. Screenshots of the desk and of
/// the committee's year grid go to TestResults/ (docs/follow-up.md shows them).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrowserDeskTests(AzuriteFixture azurite)
{
    private const string Member = "cuong@dongcao.dang.vn";

    [Fact]
    public async Task A_member_records_an_attendance_with_a_score_from_the_desk_and_sees_the_gap_there_on_a_phone()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        await world.SelfScoreAsync(95);
        await using var front = await HttpFront.StartAsync(world.Host);
        using var browser = HeadlessChromium.Start(height: 1400);
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(15));
        var now = world.Submissions.Clock.GetUtcNow();
        var links = world.Host.Services.GetRequiredService<AlertLinks>();
        var desk = front.BaseUrl + new Uri(links.Desk(AttendanceWorld.Superior, Member, now)).PathAndQuery;

        browser.Navigate().GoToUrl(desk);
        var card = browser.FindElement(By.Id("unit-" + AttendanceWorld.Cell));
        Assert.Contains("T11 Tốt", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("◉", card.Text, StringComparison.Ordinal);
        Assert.Contains("Chưa dự sinh hoạt kỳ này", card.Text, StringComparison.Ordinal);
        var form = new Uri(card.FindElement(By.PartialLinkText("Ghi biên bản dự sinh hoạt")).GetAttribute("href")!).PathAndQuery;

        browser.Navigate().GoToUrl(front.BaseUrl + form + "&period=2025-11");
        ((IJavaScriptExecutor)browser).ExecuteScript("arguments[0].value = '2025-11-12';", browser.FindElement(By.Id("meetingDate")));
        foreach (var (field, value) in world.Form(score: 84).Where(f => f.Key is not ("link" or "period" or "meetingDate" or "receiptId")))
        {
            var input = browser.FindElement(By.Id(field));
            input.Clear();
            input.SendKeys(value);
        }

        browser.FindElement(By.CssSelector("button[type=submit]")).Click();
        wait.Until(d => d.FindElements(By.CssSelector("p.ok")).Count > 0);
        Assert.Equal(PartyFunctions.Attendance.MemberKey.Of(Member), Assert.Single(await world.NovemberAsync()).Author);

        browser.Navigate().GoToUrl(desk);
        card = browser.FindElement(By.Id("unit-" + AttendanceWorld.Cell));
        Assert.Contains("T11 Tốt ◉", card.Text, StringComparison.Ordinal);
        Assert.Contains("Tự chấm cao hơn nhiều so với điểm dự sinh hoạt (tháng 11/2025), mở hôm nay", card.Text, StringComparison.Ordinal);
        Assert.Contains("Đồng chí đã dự sinh hoạt đủ các đơn vị trong kỳ này.", browser.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
        Assert.Contains("Lần dự sinh hoạt gần nhất: 12/11/2025 – Trần Thị Bình (84 điểm)", card.Text, StringComparison.Ordinal);
        Assert.Contains("bad", card.GetAttribute("class"), StringComparison.Ordinal);
        Assert.True(HeadlessChromium.FitsTheWidth(browser), "The desk scrolls sideways at 360 px.");
        HeadlessChromium.Screenshot(browser, "desk-360.png");

        var signer = world.Host.Services.GetRequiredService<LinkSigner>();
        var view = signer.Sign(new SignedLink(AlertLinks.ViewAction, AttendanceWorld.Superior, now.AddDays(30)));
        browser.Navigate().GoToUrl($"{front.BaseUrl}/api/status/{AttendanceWorld.Superior}/2025/year?link={Uri.EscapeDataString(view)}");
        Assert.Contains("T11 Tốt", browser.FindElement(By.Id("row-" + AttendanceWorld.Cell)).Text, StringComparison.Ordinal);
        Assert.True(HeadlessChromium.FitsTheWidth(browser), "The year grid scrolls sideways at 360 px.");
        HeadlessChromium.Screenshot(browser, "year-grid-360.png");
    }
}
