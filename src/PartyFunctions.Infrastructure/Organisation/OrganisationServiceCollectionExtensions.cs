using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.Organisation;
using PartyFunctions.Infrastructure.Access;

namespace PartyFunctions.Infrastructure.Organisation;

/// <summary>The registry and access wiring, called once from <c>AddPartyFunctions</c>.</summary>
public static class OrganisationServiceCollectionExtensions
{
    public const string RequireAdminRoleSetting = "Access:RequireAdminRole";

    public static IServiceCollection AddOrganisation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OrganisationTables>();
        services.AddSingleton<IUnitStore, TableUnitStore>();
        services.AddSingleton<IImportArchive, BlobImportArchive>();
        services.AddSingleton<IAccessCodeStore, TableAccessCodeStore>();
        services.AddSingleton<IClientAttemptStore, BlobClientAttemptStore>();
        services.AddSingleton<ImportUnits>();
        services.AddSingleton<IssueAccessCodes>();
        services.AddSingleton<AuthenticateCell>();
        // Resolved on first use, so that only what signs or verifies links fails, clearly, when the key is missing.
        services.AddSingleton(_ => LinkSigningKey.ForHost(configuration[LinkSigningKey.Setting], configuration[LinkSigningKey.PreviousSetting], RunsInAzure(configuration)));
        services.AddSingleton<LinkSigner>();
        services.AddSingleton<ClientAddresses>();
        services.AddSingleton<SubtreeAccess>();
        services.AddSingleton<ViewUnit>();
        // Decided now, not on first use: a role required without the platform's authentication stops the app at start-up.
        services.AddSingleton(new AdminPrincipal(AdminPrincipal.RequiresRole(configuration["WEBSITE_AUTH_ENABLED"], configuration[RequireAdminRoleSetting])));
        return services;
    }

    /// <summary>App Service (and so every Functions plan) sets these for the site; a laptop or a test has neither.</summary>
    public static bool RunsInAzure(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["WEBSITE_INSTANCE_ID"]) || !string.IsNullOrEmpty(configuration["WEBSITE_SITE_NAME"]);
}
