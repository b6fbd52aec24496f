using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Configuration;
using PartyFunctions.Deadlines;
using PartyFunctions.Status;

namespace PartyFunctions.Infrastructure.Alerts;

/// <summary>The deadlines and alerts wiring, called once from <c>AddPartyFunctions</c>.</summary>
public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<AlertTables>();
        services.AddSingleton<IAlertStore, TableAlertStore>();
        services.AddSingleton<IRunMarkers, TableRunMarkers>();
        services.TryAddSingleton(EscalationPolicy.Default);
        services.TryAddSingleton(new AppBaseUrl(configuration[AppSettings.LinksBaseUrl] is { Length: > 0 } url ? url : "http://localhost:7071"));
        services.AddSingleton<AlertLinks>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<OpenAlerts>();
        services.AddSingleton<ResolveAlert>();
        services.AddSingleton<MonthRoster>();
        services.AddSingleton<SendReminders>();
        services.AddSingleton<RunCutoff>();
        services.AddSingleton<RunEscalation>();
        services.AddSingleton<ApplyScoreRecorded>();
        services.AddSingleton<AcknowledgeAlert>();
        services.AddSingleton<MonthlyStatus>();
        services.AddSingleton<ViewYearGrid>();
        return services;
    }
}
