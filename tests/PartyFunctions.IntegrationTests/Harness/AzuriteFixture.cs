using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using PartyFunctions.Cli.Local;

namespace PartyFunctions.IntegrationTests.Harness;

/// <summary>
/// A private Azurite on free ports for one test collection (<see cref="AzuriteProcess"/>), in memory (or on disk, to be
/// restarted: <see cref="StartOnDiskAsync"/>), killed with its process tree on dispose.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime, IDisposable
{
    private readonly string? location;
    private AzuriteProcess? azurite;
    private (int Blob, int Queue, int Table) ports;

    public AzuriteFixture()
    {
    }

    private AzuriteFixture(string location) => this.location = location;

    /// <summary>
    /// An Azurite whose data lives in a temporary folder rather than in memory, so that it can be stopped
    /// (<see cref="Stop"/>: an outage) and started again on the same ports with the same data (<see cref="StartAgainAsync"/>).
    /// The folder is deleted on dispose.
    /// </summary>
    public static async Task<AzuriteFixture> StartOnDiskAsync()
    {
        var fixture = new AzuriteFixture(Directory.CreateTempSubdirectory("azurite-").FullName);
        await fixture.InitializeAsync();
        return fixture;
    }

    public bool IsRunning => azurite is not null;

    private AzuriteProcess Started => azurite ?? throw new InvalidOperationException("Azurite is not started.");

    // Ports and connection string stay valid while a restartable Azurite is stopped: clients keep them across the outage.
    private (int Blob, int Queue, int Table) Ports => ports.Blob != 0 ? ports : throw new InvalidOperationException("Azurite is not started.");

    public int BlobPort => Ports.Blob;
    public int QueuePort => Ports.Queue;
    public int TablePort => Ports.Table;
    public int ProcessId => Started.ProcessId;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteProcess.DevAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>App settings pointing the app's storage connection at this Azurite, plus any extra settings.</summary>
    public IConfiguration Configuration(IDictionary<string, string?>? extra = null) => AppSettings(ConnectionString, extra);

    /// <summary>App settings with the given storage connection string, plus any extra settings.</summary>
    public static IConfiguration AppSettings(string connectionString, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [StorageClients.ConnectionName] = connectionString,
            // A failed message comes back at once instead of after host.json's 30 s, through the host's own override
            // of host.json by app setting: retries are what tests look at, not the wait (the runner's tests check it).
            [$"{QueueHostOptions.OverrideSection}:visibilityTimeout"] = "00:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync(RepoPaths.Root, (0, 0, 0), location);
        ports = (azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
    }

    /// <summary>Stops Azurite: every storage call fails until <see cref="StartAgainAsync"/>.</summary>
    public void Stop()
    {
        if (azurite is null)
        {
            return;
        }

        if (location is not null)
        {
            Interrupt(azurite.ProcessId);
        }

        azurite.Dispose();
        azurite = null;
    }

    /// <summary>
    /// On disk, Azurite keeps its metadata (LokiJS) in memory, saved every few seconds and when it is interrupted:
    /// a kill would lose the last acknowledged writes, which Azure Storage never does. So it is stopped with SIGINT.
    /// </summary>
    private static void Interrupt(int processId)
    {
        using (var signal = Process.Start(new ProcessStartInfo("kill", ["-INT", processId.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            signal.WaitForExit();
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            process.WaitForExit(TimeSpan.FromSeconds(20));
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    /// <summary>Starts a stopped on-disk Azurite again, on the same ports and with the data it had.</summary>
    public async Task StartAgainAsync()
    {
        if (location is null)
        {
            throw new InvalidOperationException("An in-memory Azurite loses its data when stopped; use StartOnDiskAsync.");
        }

        Stop();
        azurite = await AzuriteProcess.StartAsync(RepoPaths.Root, ports, location);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Stop();
        if (location is not null && Directory.Exists(location))
        {
            Directory.Delete(location, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
