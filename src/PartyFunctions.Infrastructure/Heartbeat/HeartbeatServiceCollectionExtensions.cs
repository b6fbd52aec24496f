using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Configuration;
using PartyFunctions.Heartbeat;

namespace PartyFunctions.Infrastructure.Heartbeat;

/// <summary>The timers' heartbeat wiring, called once from <c>AddPartyFunctions</c>.</summary>
public static class HeartbeatServiceCollectionExtensions
{
    public static IServiceCollection AddHeartbeat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IHeartbeatStore, TableHeartbeatStore>();
        services.AddSingleton(_ => Timers.Resolve(configuration));
        services.AddSingleton<RecordHeartbeat>();
        services.AddSingleton<ReadTimerStatus>();
        services.AddSingleton<CheckHeartbeats>();
        return services;
    }
}
