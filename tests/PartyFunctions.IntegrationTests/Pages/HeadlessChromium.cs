using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Pages;

/// <summary>Debian's headless Chromium at a phone's 360 px, as the browser tests use it; screenshots into TestResults/.</summary>
internal static class HeadlessChromium
{
    public const string Binary = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";
    public const int Width360 = 360;

    public static ChromeDriver Start(int height = 800)
    {
        Assert.True(File.Exists(Binary) && File.Exists(Driver),
            $"The browser tests need {Binary} and {Driver}: run scripts/test.sh as root (it installs chromium chromium-driver) or apt-get install them.");
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var options = new ChromeOptions { BinaryLocation = Binary };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run", $"--window-size=360,{height}",
            "--user-data-dir=" + Directory.CreateTempSubdirectory("chromium-").FullName);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        var browser = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        // Headless Chromium keeps a window at least 500 px wide whatever --window-size says: emulate the phone's viewport.
        browser.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = Width360, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = true,
        });
        return browser;
    }

    /// <summary>True when the page is no wider than the window: nothing scrolls sideways.</summary>
    public static bool FitsTheWidth(IWebDriver browser) =>
        (bool)((IJavaScriptExecutor)browser).ExecuteScript($"return window.innerWidth == {Width360} && document.documentElement.scrollWidth <= window.innerWidth;")!;

    public static long Width(IWebDriver browser) =>
        (long)((IJavaScriptExecutor)browser).ExecuteScript("return document.documentElement.scrollWidth;")!;

    public static void Screenshot(ChromeDriver browser, string name)
    {
        var folder = RepoPaths.InRepo("TestResults");
        Directory.CreateDirectory(folder);
        browser.GetScreenshot().SaveAsFile(Path.Combine(folder, name));
    }
}
