using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Pages;

namespace PartyFunctions.IntegrationTests.Submissions;

/// <summary>
/// The form in a real headless Chromium at 360 px: fill, submit, see the receipt; submit an error, see it beside its
/// field with the values kept. Screenshots go to TestResults/ (CI keeps it). Without Chromium this fails, saying so.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrowserFormTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_secretary_fills_the_form_on_a_narrow_phone_and_sees_errors_then_the_receipt()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        await using var front = await HttpFront.StartAsync(world.Host);
        using var browser = HeadlessChromium.Start();
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(10));

        browser.Navigate().GoToUrl(front.BaseUrl + "/api/form");
        foreach (var (field, value) in world.Form(("criteria.conduct", "26")).Where(f => f.Key is not ("receiptId" or "period" or "facts.held")))
        {
            browser.FindElement(By.Id(field)).SendKeys(value);
        }

        browser.FindElement(By.CssSelector("select[name='facts.held'] option[value='true']")).Click();
        Assert.Equal("99", browser.FindElement(By.Id("total")).Text);
        browser.FindElement(By.CssSelector("button[type=submit]")).Click();
        var error = wait.Until(d => d.FindElements(By.Id("criteria.conduct-err")).FirstOrDefault());
        Assert.Contains("Phải từ 0 đến 25", error!.Text, StringComparison.Ordinal);
        Assert.Equal("26", browser.FindElement(By.Id("criteria.conduct")).GetAttribute("value"));
        Assert.Equal(SubmissionWorld.Cell, browser.FindElement(By.Id("unitId")).GetAttribute("value"));
        HeadlessChromium.Screenshot(browser, "form-error-360.png");
        Assert.True(HeadlessChromium.FitsTheWidth(browser), "The error page scrolls sideways at 360 px.");

        var conduct = browser.FindElement(By.Id("criteria.conduct"));
        conduct.Clear();
        conduct.SendKeys("22");
        browser.FindElement(By.Id("accessCode")).SendKeys(world.Code);
        browser.FindElement(By.CssSelector("button[type=submit]")).Click();
        var receipt = wait.Until(d => d.FindElements(By.Id("receipt")).FirstOrDefault());
        Assert.Matches("^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$", receipt!.Text);
        Assert.Contains("95 / 100", browser.FindElement(By.Id("total")).Text, StringComparison.Ordinal);
        HeadlessChromium.Screenshot(browser, "form-receipt-360.png");
        Assert.NotNull(await world.StoredAsync());
    }
}
