using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Submissions;

/// <summary>
/// The form in a real headless Chromium at 360 px: fill, submit, see the receipt; submit an error, see it beside its
/// field with the values kept. Screenshots go to TestResults/ (CI keeps it). Without Chromium this fails, saying so.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrowserFormTests(AzuriteFixture azurite)
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    [Fact]
    public async Task A_secretary_fills_the_form_on_a_narrow_phone_and_sees_errors_then_the_receipt()
    {
        Assert.True(File.Exists(Chromium) && File.Exists(Driver),
            $"The browser test needs {Chromium} and {Driver}: run scripts/test.sh as root (it installs chromium chromium-driver) or apt-get install them.");
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        await using var front = await KestrelFront.StartAsync(world.Host);
        using var browser = Start();
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
        Screenshot(browser, "form-error-360.png");
        Assert.True(NoHorizontalScroll(browser), "The error page scrolls sideways at 360 px.");

        var conduct = browser.FindElement(By.Id("criteria.conduct"));
        conduct.Clear();
        conduct.SendKeys("22");
        browser.FindElement(By.Id("accessCode")).SendKeys(world.Code);
        browser.FindElement(By.CssSelector("button[type=submit]")).Click();
        var receipt = wait.Until(d => d.FindElements(By.Id("receipt")).FirstOrDefault());
        Assert.Matches("^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$", receipt!.Text);
        Assert.Contains("95 / 100", browser.FindElement(By.Id("total")).Text, StringComparison.Ordinal);
        Screenshot(browser, "form-receipt-360.png");
        Assert.NotNull(await world.StoredAsync());
    }

    private static ChromeDriver Start()
    {
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run", "--window-size=360,800",
            "--user-data-dir=" + Directory.CreateTempSubdirectory("chromium-").FullName);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static bool NoHorizontalScroll(IWebDriver browser) =>
        (bool)((IJavaScriptExecutor)browser).ExecuteScript("return document.documentElement.scrollWidth <= window.innerWidth;")!;

    private static void Screenshot(ChromeDriver browser, string name)
    {
        var folder = RepoPaths.InRepo("TestResults");
        Directory.CreateDirectory(folder);
        browser.GetScreenshot().SaveAsFile(Path.Combine(folder, name));
    }
}
