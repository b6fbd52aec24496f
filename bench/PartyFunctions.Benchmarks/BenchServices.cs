using System.Security.Cryptography;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartyFunctions.Access;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// The app's services as <c>AddPartyFunctions</c> builds them, over storage clients that count every request and can
/// add a delay to each: what the I/O benches measure. Each call gets its own table and container prefix.
/// </summary>
internal static class BenchServices
{
    public static string Connection => Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? "UseDevelopmentStorage=true";

    public static ServiceProvider Build(string connection, RoundTrips counter, AddedLatency delay, Action<IServiceCollection>? overrides = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageClients.ConnectionName] = connection,
            [StorageNamespace.PrefixSetting] = "b" + Guid.NewGuid().ToString("N")[..10],
            // Runs sign links (reports, alerts); a throwaway key for this process.
            [LinkSigningKey.Setting] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(LinkSigningKey.MinBytes)),
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddPartyFunctions(configuration)
            .AddSingleton(Counted(connection, counter, delay));
        overrides?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static StorageClients Counted(string connection, RoundTrips counter, AddedLatency delay)
    {
        var tables = new TableClientOptions();
        var blobs = new BlobClientOptions();
        var queues = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        foreach (var options in new ClientOptions[] { tables, blobs, queues })
        {
            options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
            options.AddPolicy(delay, HttpPipelinePosition.PerRetry);
        }

        return new StorageClients(new TableServiceClient(connection, tables), new BlobServiceClient(connection, blobs), new QueueServiceClient(connection, queues));
    }
}
