using System.Reflection;

namespace PartyFunctions.IntegrationTests.Harness;

/// <summary>Where the repository and the tools the tests drive are, as the build recorded them.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Path.GetFullPath(Metadata("RepoRoot"));

    public static string BicepPath { get; } = Metadata("BicepPath");

    /// <summary>The build configuration of the tests, which is the one the Function App was built in.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Metadata(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata; see the test project file.");
}
