using Microsoft.Extensions.Configuration;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Organisation;
using PartyFunctions.Storage.Submissions;

namespace PartyFunctions.IntegrationTests.Submissions;

/// <summary>App settings for one submissions test: its own registry and scores tables (the collection shares one Azurite).</summary>
internal static class SubmissionSettings
{
    public static IConfiguration For(AzuriteFixture azurite, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { [ScoreTables.PrefixSetting] = "s" + Guid.NewGuid().ToString("N")[..12] };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return OrganisationSettings.For(azurite, settings);
    }
}
