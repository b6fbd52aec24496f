using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Pages;

/// <summary>The page checks themselves: each finds what it is there to find, so a clean run means something.</summary>
public sealed class PageChecksCanFailTests
{
    private const string Broken =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body><img src=\"x.png\"><select name=\"a\"><option>1</option></select>" +
        "<div style=\"width:600px\">wide</div></body></html>";

    [Fact]
    public async Task The_validator_reports_a_missing_title_and_a_missing_alt()
    {
        var file = Write("broken-for-vnu.html");

        var errors = await NuHtmlChecker.ErrorsAsync([file]);

        Assert.Contains(errors, e => e.Contains("title", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("alt", StringComparison.Ordinal));
    }

    [Fact]
    public void Axe_reports_an_unlabelled_select_and_the_width_check_a_600_px_block_at_360_px()
    {
        var file = Write("broken-for-axe.html");
        using var browser = HeadlessChromium.Start();
        browser.Navigate().GoToUrl(new Uri(file).AbsoluteUri);

        var violations = Axe.SeriousViolations(browser);

        Assert.Contains(violations, v => v.StartsWith("select-name", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("image-alt", StringComparison.Ordinal));
        Assert.False(HeadlessChromium.FitsTheWidth(browser));
        Assert.True(HeadlessChromium.Width(browser) > 600);
    }

    private static string Write(string name)
    {
        var folder = RepoPaths.InRepo("TestResults", "pages-checks");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name);
        File.WriteAllText(file, Broken);
        return file;
    }
}
