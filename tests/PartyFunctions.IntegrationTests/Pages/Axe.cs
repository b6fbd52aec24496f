using System.Text.Json;
using OpenQA.Selenium;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Pages;

/// <summary>axe-core (npm <c>axe-core</c>) injected into the page open in the browser: its serious and critical violations.</summary>
internal static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = RepoPaths.InRepo("node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(path), $"The accessibility check needs {path}: run npm ci (scripts/test.sh does).");
        return File.ReadAllText(path);
    });

    /// <summary>"rule (impact): selector" for each serious or critical violation on the open page.</summary>
    public static IReadOnlyList<string> SeriousViolations(IWebDriver browser)
    {
        var js = (IJavaScriptExecutor)browser;
        js.ExecuteScript(Source.Value);
        var json = (string)((IJavaScriptExecutor)browser).ExecuteAsyncScript(
            "var done = arguments[arguments.length - 1];" +
            "axe.run(document, { resultTypes: ['violations'] }).then(function (r) { done(JSON.stringify(r.violations.map(function (v) {" +
            " return { id: v.id, impact: v.impact, targets: v.nodes.map(function (n) { return n.target.join(' '); }) }; }))); })" +
            ".catch(function (e) { done(JSON.stringify([{ id: 'axe-failed: ' + e, impact: 'critical', targets: [] }])); });")!;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): " +
                string.Join(", ", v.GetProperty("targets").EnumerateArray().Take(3).Select(t => t.GetString())))
            .ToList();
    }
}
