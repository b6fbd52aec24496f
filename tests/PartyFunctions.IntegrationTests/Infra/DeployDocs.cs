using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Infra;

/// <summary>docs/deploy.md, read by section.</summary>
internal static class DeployDocs
{
    /// <summary>The text from the "## " heading that contains <paramref name="heading"/> to the next "## " heading.</summary>
    public static string Section(string heading)
    {
        var text = File.ReadAllText(RepoPaths.InRepo("docs", "deploy.md"));
        var start = text.IndexOf("\n## ", StringComparison.Ordinal);
        while (start >= 0 && !text[start..text.IndexOf('\n', start + 1)].Contains(heading, StringComparison.Ordinal))
        {
            start = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        }

        Assert.True(start >= 0, $"docs/deploy.md has no section '{heading}'");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }
}
