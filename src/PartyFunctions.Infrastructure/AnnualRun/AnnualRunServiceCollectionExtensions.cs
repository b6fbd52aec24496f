using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyFunctions.AnnualRun;
using PartyFunctions.Policy;

namespace PartyFunctions.Infrastructure.AnnualRun;

/// <summary>The annual classification run's wiring, called once from <c>AddPartyFunctions</c>.</summary>
public static class AnnualRunServiceCollectionExtensions
{
    public static IServiceCollection AddAnnualRun(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(PolicyCatalog.Embedded);
        services.AddSingleton<AnnualRunTables>();
        services.AddSingleton<IClassificationRunStore, TableClassificationRunStore>();
        services.AddSingleton<IAnnualResultStore, TableAnnualResultStore>();
        services.AddSingleton<IReportStore, BlobReportStore>();
        services.AddSingleton<IShardDispatcher, QueueShardDispatcher>();
        services.AddSingleton<StartClassificationRun>();
        services.AddSingleton<CompleteClassificationRun>();
        services.AddSingleton<AnnualRunLinks>();
        services.AddSingleton<AnnounceAnnualReports>();
        services.AddSingleton<ClassifyShard>();
        services.AddSingleton<ReportShardFailure>();
        services.AddSingleton<GetClassificationRunStatus>();
        services.AddSingleton<DecideAnnualLevels>();
        services.AddSingleton<CommitteeDecisions>();
        services.AddSingleton<ReadAnnualReport>();
        return services;
    }
}
