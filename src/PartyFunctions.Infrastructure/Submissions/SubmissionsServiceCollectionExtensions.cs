using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyFunctions.Configuration;
using PartyFunctions.Policy;
using PartyFunctions.Submissions;

namespace PartyFunctions.Infrastructure.Submissions;

/// <summary>The monthly submissions wiring (score store, archive, use cases), called once from <c>AddPartyFunctions</c>.</summary>
public static class SubmissionsServiceCollectionExtensions
{
    public static IServiceCollection AddSubmissions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<ScoreTables>();
        services.AddSingleton<IScoreStore, TableScoreStore>();
        services.AddSingleton<IScoreArchive, BlobScoreArchive>();
        // The shipped packs; administrator packs in Blob Storage are left to the issue that stores packs (docs/policy.md).
        services.TryAddSingleton(SubmissionPolicy.ForSeries(PolicyCatalog.Embedded, configuration[AppSettings.PolicySeries]));
        services.AddSingleton<SubmitScore>();
        services.AddSingleton<ConfirmScore>();
        services.AddSingleton<ReadScore>();
        services.AddSingleton<SubmissionForm>();
        services.AddSingleton<RestoreScores>();
        return services;
    }
}
