using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Submissions;

namespace PartyFunctions.Storage.Submissions;

/// <summary>The monthly submissions wiring (score store, archive, use cases), called once from <c>AddPartyFunctions</c>.</summary>
public static class SubmissionsServiceCollectionExtensions
{
    public static IServiceCollection AddSubmissions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(sp => ScoreTables.Create(sp.GetRequiredService<StorageClients>(), configuration[ScoreTables.PrefixSetting]));
        services.AddSingleton<IScoreStore, TableScoreStore>();
        return services;
    }
}
