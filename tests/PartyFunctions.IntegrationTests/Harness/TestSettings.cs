using Microsoft.Extensions.Configuration;
using PartyFunctions.Access;

namespace PartyFunctions.IntegrationTests.Harness;

/// <summary>App settings for one test: its own name prefix for every table and container (the collection shares one
/// Azurite) and a fresh link key; extra settings add to or override these.</summary>
internal static class TestSettings
{
    public static IConfiguration For(AzuriteFixture azurite, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [StorageNamespace.PrefixSetting] = "t" + Twins.Hex(12, "prefix"),
            [LinkSigningKey.Setting] = Twins.Key("links"),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return azurite.Configuration(settings);
    }
}
