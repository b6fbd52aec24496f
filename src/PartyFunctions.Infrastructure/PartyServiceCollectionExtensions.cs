using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyFunctions.Health;
using PartyFunctions.Presentation;
using PartyFunctions.Infrastructure.Alerts;
using PartyFunctions.Infrastructure.Attendance;
using PartyFunctions.Infrastructure.Remediation;
using PartyFunctions.Infrastructure.AnnualRun;
using PartyFunctions.Infrastructure.Health;
using PartyFunctions.Infrastructure.Heartbeat;
using PartyFunctions.Infrastructure.Organisation;
using PartyFunctions.Infrastructure.Notifications;
using PartyFunctions.Infrastructure.Submissions;
using PartyFunctions.Telemetry;

namespace PartyFunctions;

/// <summary>The one composition root: Program.cs, the <c>party</c> command and the tests all call it.</summary>
public static class PartyServiceCollectionExtensions
{
    public static IServiceCollection AddPartyFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Tests replace the clock with a fake TimeProvider; everything that reads time takes it from here.
        services.TryAddSingleton(TimeProvider.System);
        // The business metrics (docs/operations.md): a meter per provider, which the worker's exporters subscribe to.
        services.AddMetrics();
        services.TryAddSingleton<PartyMetrics>();
        // Policies registered as StoragePipelinePolicy (none in production) join every storage client's pipeline.
        services.AddSingleton(sp => StorageClients.FromConfiguration(configuration, sp.GetServices<StoragePipelinePolicy>()));
        services.AddSingleton(sp => StorageNamespace.Create(sp.GetRequiredService<StorageClients>(), configuration[StorageNamespace.PrefixSetting]));
        services.AddSingleton<IStorageProbe, AzureStorageProbe>();
        services.AddSingleton<CheckHealth>();
        services.AddNotifications(configuration);
        services.AddOrganisation(configuration);
        services.AddSubmissions(configuration);
        services.AddAnnualRun(configuration);
        services.AddAlerts(configuration);
        services.AddRemediation(configuration);
        services.AddHeartbeat(configuration);
        services.AddAttendance(configuration);
        services.AddPresentation();
        return services;
    }
}
