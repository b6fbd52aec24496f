using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Configuration;
using PartyFunctions.Heartbeat;
using PartyFunctions.Storage.Alerts;

namespace PartyFunctions.Storage.Heartbeat;

/// <summary>The timers' heartbeat wiring, called once from <c>AddPartyFunctions</c>.</summary>
public static class HeartbeatServiceCollectionExtensions
{
    public static IServiceCollection AddHeartbeat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The prefix is checked where the alerts' tables are created (AlertTables.Create); here it is only read.
        services.AddSingleton<IHeartbeatStore>(sp => new TableHeartbeatStore(
            sp.GetRequiredService<StorageClients>(), configuration[AlertTables.PrefixSetting] ?? string.Empty));
        services.AddSingleton(_ => Timers.Resolve(configuration));
        services.AddSingleton<RecordHeartbeat>();
        services.AddSingleton<ReadTimerStatus>();
        services.AddSingleton<CheckHeartbeats>();
        return services;
    }
}
