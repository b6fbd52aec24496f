using System.Reflection;
using PartyFunctions.Heartbeat;
using PartyFunctions.Notifications;

namespace PartyFunctions.Health;

/// <summary>
/// Use case: the app is healthy when every storage service answers and no timer is late. The timers are read here
/// too, not only by the daily check, so that an availability test on this endpoint also catches a dead checker.
/// Email not configured is reported, not unhealthy: the app works and keeps every email waiting (docs/deploy.md).
/// </summary>
public sealed class CheckHealth(IStorageProbe probe, ReadTimerStatus timers, EmailStatus email)
{
    public static string Version { get; } =
        typeof(CheckHealth).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CheckHealth).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public async Task<HealthReport> RunAsync(CancellationToken cancellationToken) =>
        await StorageAndTimersAsync(cancellationToken) with { Email = email.Sink };

    private async Task<HealthReport> StorageAndTimersAsync(CancellationToken cancellationToken)
    {
        var services = await probe.ProbeAsync(cancellationToken);
        if (services.Count == 0 || !services.All(s => s.Healthy))
        {
            // The heartbeats live in storage that does not answer: reading them would only repeat the failure.
            return new HealthReport(Version, HealthReport.Unhealthy, services, []);
        }

        try
        {
            var late = (await timers.RunAsync(cancellationToken)).Where(t => t.Late).Select(t => t.Timer).ToList();
            return new HealthReport(Version, late.Count == 0 ? HealthReport.Ok : HealthReport.Degraded, services, late);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Health must answer even then; only the exception type goes out (messages can carry account names).
            return new HealthReport(Version, HealthReport.Unhealthy, [.. services, new ServiceHealth("heartbeats", false, 0, ex.GetType().Name)], []);
        }
    }
}
