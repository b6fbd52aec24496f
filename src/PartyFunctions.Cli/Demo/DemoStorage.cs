using System.Globalization;
using System.Net.Sockets;
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

    /// <summary>Starts Azurite (data in .azurite/) when the configured endpoints are loopback ones and none answers; null otherwise.</summary>
    public static async Task<AzuriteProcess?> EnsureAsync(IConfiguration configuration, TextWriter error, CancellationToken cancellationToken)
    {
        var endpoints = LoopbackPorts(configuration[AppSettings.StorageConnection] ?? string.Empty);
        if (endpoints is not { } ports || await AnswersAsync(ports.Table, cancellationToken))
        {
            return null;
        }

        var root = AzuriteProcess.FindRepositoryRoot(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException("No storage answers and no node_modules/azurite here: run `npm ci` at the repository root, or start Azurite.");
        await error.WriteLineAsync($"No storage answers on 127.0.0.1:{ports.Table}: starting Azurite (data in .azurite/).");
        return await AzuriteProcess.StartAsync(root, ports, Path.Combine(root, ".azurite"));
    }

    /// <summary>The ports of a development connection string (UseDevelopmentStorage or 127.0.0.1 endpoints), else null.</summary>
    public static (int Blob, int Queue, int Table)? LoopbackPorts(string connectionString)
    {
        if (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return (10000, 10001, 10002);
        }

        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        int? Port(string key) => parts.TryGetValue(key, out var url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback ? uri.Port : null;
        return Port("BlobEndpoint") is { } b && Port("QueueEndpoint") is { } q && Port("TableEndpoint") is { } t ? (b, q, t) : null;
    }

    private static async Task<bool> AnswersAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }
}

/// <summary>A demo run's storage namespace and the settings that select it.</summary>
public sealed record DemoRun(string Prefix, IConfiguration Configuration);
