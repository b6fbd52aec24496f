using Microsoft.Extensions.Configuration;
using PartyFunctions.Cli.Local;

namespace PartyFunctions.IntegrationTests.Harness;

/// <summary>
/// A private, in-memory Azurite on free ports for one test collection (<see cref="AzuriteProcess"/>), killed with
/// its process tree on dispose.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime, IDisposable
{
    private AzuriteProcess? azurite;

    private AzuriteProcess Started => azurite ?? throw new InvalidOperationException("Azurite is not started.");

    public int BlobPort => Started.BlobPort;
    public int QueuePort => Started.QueuePort;
    public int TablePort => Started.TablePort;
    public int ProcessId => Started.ProcessId;

    public string ConnectionString => Started.ConnectionString;

    /// <summary>App settings pointing the app's storage connection at this Azurite, plus any extra settings.</summary>
    public IConfiguration Configuration(IDictionary<string, string?>? extra = null) => AppSettings(ConnectionString, extra);

    /// <summary>App settings with the given storage connection string, plus any extra settings.</summary>
    public static IConfiguration AppSettings(string connectionString, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { [StorageClients.ConnectionName] = connectionString };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    public async Task InitializeAsync() => azurite = await AzuriteProcess.StartAsync(RepoPaths.Root, (0, 0, 0));

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        azurite?.Dispose();
        azurite = null;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
