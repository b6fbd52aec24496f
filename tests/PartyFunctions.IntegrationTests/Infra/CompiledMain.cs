using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Infra;

/// <summary>infra/main.bicep compiled once per test run.</summary>
internal static class CompiledMain
{
    private static readonly Lazy<Task<ArmTemplate>> Template = new(() => ArmTemplate.CompileAsync("infra/main.bicep"));

    public static Task<ArmTemplate> GetAsync() => Template.Value;
}
