using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Remediation;

namespace PartyFunctions.Infrastructure.Remediation;

/// <summary>The remediation plans' wiring, called once from <c>AddPartyFunctions</c>.</summary>
public static class RemediationServiceCollectionExtensions
{
    public static IServiceCollection AddRemediation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<RemediationTables>();
        services.AddSingleton<IRemediationStore, TableRemediationStore>();
        services.AddSingleton<IEvidenceStore, BlobEvidenceStore>();
        services.AddSingleton<SubmitRemediationPlan>();
        services.AddSingleton<AttachEvidence>();
        services.AddSingleton<RemediationRequests>();
        services.AddSingleton<ReviewRemediationPlan>();
        services.AddSingleton<IFindingsStore, TableFindingsStore>();
        services.AddSingleton<RecordFindings>();
        services.AddSingleton<PlanClosure>();
        services.AddSingleton<PlanFollowUp>();
        services.AddSingleton<PlanLinks>();
        services.AddSingleton<ReadPlanView>();
        services.AddSingleton<CellPlanDesk>();
        services.AddSingleton<ReviewDesk>();
        services.AddSingleton<ViewPlanTracker>();
        services.AddSingleton<FindingsRequests>();
        return services;
    }
}
