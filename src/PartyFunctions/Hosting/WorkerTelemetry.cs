using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PartyFunctions.Configuration;
using PartyFunctions.Telemetry;

namespace PartyFunctions.Hosting;

/// <summary>
/// The worker's telemetry, through the route the Functions docs give for the isolated worker: OpenTelemetry with the
/// worker's defaults (invocation spans joined to the host's request, host.json <c>telemetryMode</c>) and the Azure
/// Monitor exporter. Dependencies: the Azure SDK's own spans (Tables, Blobs, Queues) and HttpClient's (SendGrid);
/// metrics: the business meter; logs: ILogger. In Azure it exports to Application Insights with the app's identity
/// (local authentication is off there); locally, with <c>Telemetry__Console</c>, to the console; else nowhere.
/// </summary>
public static class WorkerTelemetry
{
    /// <summary>The HttpClient's source in .NET 9 and later: outgoing HTTP calls (SendGrid) as dependencies.</summary>
    public const string HttpClientSource = "System.Net.Http";

    /// <summary>The Azure SDK's sources: one span per storage call (its URL without query secrets, its status).</summary>
    public const string AzureSdkSources = "Azure.*";

    private const string ConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    private const string AuthenticationString = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Adds the telemetry; the builder returned takes more exporters (tests add one in memory).</summary>
    public static IOpenTelemetryBuilder AddPartyTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The Azure SDK emits its spans only when asked to (still marked experimental by the SDK).
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(AzureSdkSources, HttpClientSource))
            .WithMetrics(metrics => metrics.AddMeter(MetricNames.Meter))
            .WithLogging();
        if (!string.IsNullOrEmpty(configuration[ConnectionString]))
        {
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = configuration[ConnectionString];
                // Application Insights takes only Entra ID tokens here: the same identity the host uses.
                if (ClientId(configuration[AuthenticationString]) is { } clientId)
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }
        else if (string.Equals(configuration[AppSettings.TelemetryConsole], "true", StringComparison.OrdinalIgnoreCase))
        {
            telemetry.WithTracing(t => t.AddConsoleExporter()).WithMetrics(m => m.AddConsoleExporter()).WithLogging(l => l.AddConsoleExporter());
        }

        return telemetry;
    }

    /// <summary>The client id in <c>ClientId=…;Authorization=AAD</c>, the host's own setting; null for none.</summary>
    internal static string? ClientId(string? authentication) =>
        authentication?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && string.Equals(pair[0], "ClientId", StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair[1])
            .FirstOrDefault(id => id.Length > 0);
}
