using PartyFunctions.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace PartyFunctions.IntegrationTests.Pages;

/// <summary>
/// Every page and email (<see cref="PageGallery"/>) through the Nu Html Checker and, in headless Chromium at 360 px,
/// axe-core and a sideways-scroll check; a screenshot of each goes to TestResults/pages/. Fails on any validator error,
/// any serious or critical violation, or any page wider than the phone.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EveryPageIsValidAndAccessibleTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_page_and_email_validates_has_no_serious_accessibility_violation_and_fits_360_px()
    {
        var pages = await PageGallery.AllAsync(azurite);
        var folder = RepoPaths.InRepo("TestResults", "pages");
        Directory.CreateDirectory(folder);
        var files = pages.Select(p =>
        {
            var file = Path.Combine(folder, p.Name + ".html");
            File.WriteAllText(file, p.Html);
            return file;
        }).ToList();

        var invalid = await NuHtmlChecker.ErrorsAsync(files);
        var inaccessible = new List<string>();
        var tooWide = new List<string>();
        using (var browser = HeadlessChromium.Start())
        {
            foreach (var (page, file) in pages.Zip(files))
            {
                browser.Navigate().GoToUrl(new Uri(file).AbsoluteUri);
                inaccessible.AddRange(Axe.SeriousViolations(browser).Select(v => $"{page.Name}: {v}"));
                if (!HeadlessChromium.FitsTheWidth(browser))
                {
                    tooWide.Add($"{page.Name}: {HeadlessChromium.Width(browser)} px");
                }

                HeadlessChromium.Screenshot(browser, Path.Combine("pages", page.Name + ".png"));
            }
        }

        output.WriteLine($"{pages.Count} pages and emails; {invalid.Count} validator errors; {inaccessible.Count} serious or critical violations; {tooWide.Count} wider than 360 px.");
        foreach (var line in invalid.Concat(inaccessible).Concat(tooWide))
        {
            output.WriteLine(line);
        }

        Assert.True(invalid.Count == 0, "Nu Html Checker errors:\n" + string.Join("\n", invalid));
        Assert.True(inaccessible.Count == 0, "axe-core serious or critical violations:\n" + string.Join("\n", inaccessible));
        Assert.True(tooWide.Count == 0, "Wider than 360 px:\n" + string.Join("\n", tooWide));
    }
}
