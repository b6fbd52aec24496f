using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Health;
using PartyFunctions.Storage.Health;

namespace PartyFunctions;

/// <summary>The one composition root: Program.cs, the <c>party</c> command and the tests all call it.</summary>
public static class PartyServiceCollectionExtensions
{
    public static IServiceCollection AddPartyFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(_ => StorageClients.FromConfiguration(configuration));
        services.AddSingleton<IStorageProbe, AzureStorageProbe>();
        services.AddSingleton<CheckHealth>();
        return services;
    }
}
