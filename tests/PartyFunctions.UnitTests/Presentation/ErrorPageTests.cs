using PartyFunctions.Policy;
using PartyFunctions.Presentation;

namespace PartyFunctions.UnitTests.Presentation;

public sealed class ErrorPageTests
{
    [Fact]
    public void The_error_page_says_it_in_Vietnamese_first_then_English_and_encodes_what_it_is_given()
    {
        var html = ErrorPage.Render(new LocalizedText("Không được phép", "Forbidden"), new LocalizedText("Mã <b>sai</b>", "Wrong <b>code</b>"));

        Assert.True(html.IndexOf("Không được phép", StringComparison.Ordinal) < html.IndexOf("Forbidden", StringComparison.Ordinal));
        Assert.True(html.IndexOf("Mã &lt;b&gt;sai", StringComparison.Ordinal) < html.IndexOf("Wrong &lt;b&gt;code", StringComparison.Ordinal));
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains(Stylesheet.Css, html, StringComparison.Ordinal);
    }
}
