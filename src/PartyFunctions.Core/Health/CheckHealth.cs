using System.Reflection;

namespace PartyFunctions.Health;

/// <summary>Use case: the app is healthy when every storage service answers.</summary>
public sealed class CheckHealth(IStorageProbe probe)
{
    public static string Version { get; } =
        typeof(CheckHealth).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CheckHealth).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public async Task<HealthReport> RunAsync(CancellationToken cancellationToken)
    {
        var services = await probe.ProbeAsync(cancellationToken);
        return new HealthReport(Version, services.Count > 0 && services.All(s => s.Healthy), services);
    }
}
