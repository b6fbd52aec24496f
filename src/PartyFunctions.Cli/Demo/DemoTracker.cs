using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.LocalRunner;

namespace PartyFunctions.Cli.Demo;

/// <summary>
/// The province office's tracker of the year's plans, as its `view` link shows it through the app's own route, saved
/// beside the emails so that whoever ran the demo can open it in a browser.
/// </summary>
public static class DemoTracker
{
    public static async Task<string> SaveAsync(FunctionHost app, int year, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var link = app.Services.GetRequiredService<LinkSigner>().Sign(new SignedLink(AlertLinks.ViewAction, DemoProvince.Id, now.AddDays(30)));
        var page = await app.SendAsync(HttpMethod.Get,
            Routes.Path(Routes.PlanTracker, DemoProvince.Id, year.ToString(CultureInfo.InvariantCulture)) + "?link=" + Uri.EscapeDataString(link),
            cancellationToken: cancellationToken);
        if (page.Status != System.Net.HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The tracker did not open: {page}");
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"tracker-{DemoProvince.Id}-{year}.html"));
        await File.WriteAllTextAsync(path, page.Body, cancellationToken);
        return path;
    }
}
