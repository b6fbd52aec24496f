using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using PartyFunctions.Access;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Storage.Organisation;

namespace PartyFunctions.IntegrationTests.Organisation;

/// <summary>App settings for one test: its own table prefix (the collection shares one Azurite) and a fresh link key.</summary>
internal static class OrganisationSettings
{
    public static IConfiguration For(AzuriteFixture azurite, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [OrganisationTables.PrefixSetting] = "t" + Guid.NewGuid().ToString("N")[..12],
            [LinkSigningKey.Setting] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return azurite.Configuration(settings);
    }
}
