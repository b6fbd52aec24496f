using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyFunctions.AnnualRun;
using PartyFunctions.Notifications;
using PartyFunctions.Presentation.AnnualRun;
using PartyFunctions.Presentation.Attendance;
using PartyFunctions.Presentation.Notifications;
using PartyFunctions.Presentation.Remediation;
using PartyFunctions.Presentation.Status;
using PartyFunctions.Presentation.Submissions;

namespace PartyFunctions.Presentation;

/// <summary>The renderers, one instance each (templates parsed once); <c>AddPartyFunctions</c> calls this. Registrations already present (tests) win.</summary>
public static class PresentationServiceCollectionExtensions
{
    public static IServiceCollection AddPresentation(this IServiceCollection services)
    {
        services.TryAddSingleton<IDigestRenderer, DigestRenderer>();
        services.TryAddSingleton<IAnnualReportRenderer, AnnualReportRenderer>();
        services.TryAddSingleton<StatusPages>();
        services.TryAddSingleton<YearGridPage>();
        services.TryAddSingleton<DutyPage>();
        services.TryAddSingleton<SubmissionPages>();
        services.TryAddSingleton<DecisionPage>();
        services.TryAddSingleton<PlanPages>();
        services.TryAddSingleton<AttendancePages>();
        services.TryAddSingleton<DeskPage>();
        services.TryAddSingleton<Remediation.TrackerPage>();
        services.TryAddSingleton<Remediation.FindingsForm>();
        return services;
    }
}
