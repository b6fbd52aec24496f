using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PartyFunctions.Cli;

/// <summary>
/// What every <c>party</c> command shares: the configuration (environment variables over local defaults) and
/// the app's services, built through the same composition root as the Function App, only when a command needs them.
/// </summary>
public sealed class CliContext : IAsyncDisposable
{
    /// <summary>Local defaults: Azurite on its standard ports.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        [StorageClients.ConnectionName] = "UseDevelopmentStorage=true",
    };

    private readonly Lazy<ServiceProvider> services;

    public CliContext(IConfiguration configuration)
    {
        Configuration = configuration;
        services = new Lazy<ServiceProvider>(() =>
            new ServiceCollection().AddSingleton(configuration).AddLogging().AddPartyFunctions(configuration).BuildServiceProvider());
    }

    public IConfiguration Configuration { get; }

    public IServiceProvider Services => services.Value;

    public static IConfiguration DefaultConfiguration() =>
        new ConfigurationBuilder().AddInMemoryCollection(Defaults).AddEnvironmentVariables().Build();

    public async ValueTask DisposeAsync()
    {
        if (services.IsValueCreated)
        {
            await services.Value.DisposeAsync();
        }
    }
}
