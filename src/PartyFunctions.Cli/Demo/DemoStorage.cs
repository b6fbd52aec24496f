using System.Globalization;
using Microsoft.Extensions.Configuration;
using PartyFunctions.Cli.Local;
using PartyFunctions.Configuration;

namespace PartyFunctions.Cli.Demo;

/// <summary>The demo's storage and settings: the configured storage, or Azurite started on its loopback ports when none answers.</summary>
public static class DemoStorage
{
    private const string DemoSigningKey = "ZGVtby1vbmx5LWxpbmstc2lnbmluZy1rZXktbm90LWZvci1henVyZQ==";

    /// <summary>
    /// One demo run's settings: the configured ones with the demo's defaults under them, a storage namespace of its own
    /// (<c>Storage:NamePrefix</c> <c>demo</c> and the time, so a second demo never meets the first's units), and its
    /// emails in a folder of that name under <c>Email:Directory</c>; mail always goes to files, never to SendGrid.
    /// </summary>
    public static DemoRun NewRun(IConfiguration configured)
    {
        var root = AzuriteProcess.FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
        var prefix = "demo" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var mail = configured[AppSettings.EmailDirectory] is { Length: > 0 } directory ? directory : Path.Combine(root, ".mail");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [AppSettings.LinksBaseUrl] = "http://localhost:7071",
                [AppSettings.LinksSigningKey] = DemoSigningKey,
                [AppSettings.EmailFrom] = "no-reply@localhost",
                [AppSettings.EmailAdminMailbox] = "admin@localhost",
                // As local.settings.json.example: the timers' schedules, which the heartbeat reads.
                [AppSettings.RemindersSchedule] = "0 0 1 2,5 * *",
                [AppSettings.CutoffSchedule] = "0 5 17 8 * *",
                [AppSettings.EscalationSchedule] = "0 0 1 * * *",
                [AppSettings.AnnualClassificationSchedule] = "0 0 19 14 12 *",
            })
            .AddConfiguration(configured)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [AppSettings.EmailSink] = "directory",
                [AppSettings.EmailDirectory] = Path.Combine(mail, prefix),
                [StorageNamespace.PrefixSetting] = prefix,
            })
            .Build();
        return new DemoRun(prefix, configuration);
    }
}

/// <summary>A demo run's storage namespace and the settings that select it.</summary>
public sealed record DemoRun(string Prefix, IConfiguration Configuration);
