using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.Organisation;
using PartyFunctions.Storage.Access;

namespace PartyFunctions.Storage.Organisation;

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
        services.AddSingleton(_ => new LinkSigningKey(configuration[LinkSigningKey.Setting], configuration[LinkSigningKey.PreviousSetting]));
        services.AddSingleton<LinkSigner>();
        services.AddSingleton<ClientAddresses>();
        services.AddSingleton<SubtreeAccess>();
        services.AddSingleton<ViewUnit>();
        services.AddSingleton(_ => new AdminPrincipal(
            AdminPrincipal.RequiresRole(configuration["WEBSITE_AUTH_ENABLED"], configuration[RequireAdminRoleSetting])));
        return services;
    }
}
