using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using PartyFunctions.Configuration;

namespace PartyFunctions.Cli.Local;

/// <summary>Local storage for <c>party demo</c> and <c>party serve</c>: the configured storage, or Azurite started on its loopback ports when none answers.</summary>
public static class LocalStorage
{
    /// <summary>Starts Azurite (data in .azurite/) when the configured endpoints are loopback ones and none answers; null otherwise.</summary>
    public static async Task<AzuriteProcess?> EnsureAsync(IConfiguration configuration, TextWriter error, CancellationToken cancellationToken)
    {
        var endpoints = LoopbackPorts(configuration[AppSettings.StorageConnection] ?? string.Empty);
        if (endpoints is not { } ports || await AnswersAsync(ports.Table, cancellationToken))
        {
            return null;
        }

        var root = AzuriteProcess.FindRepositoryRoot(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException("No storage answers and no node_modules/azurite here: run `npm ci` at the repository root, or start Azurite.");
        await error.WriteLineAsync($"No storage answers on 127.0.0.1:{ports.Table}: starting Azurite (data in .azurite/).");
        return await AzuriteProcess.StartAsync(root, ports, Path.Combine(root, ".azurite"));
    }

    /// <summary>The ports of a development connection string (UseDevelopmentStorage or 127.0.0.1 endpoints), else null.</summary>
    public static (int Blob, int Queue, int Table)? LoopbackPorts(string connectionString)
    {
        if (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return (10000, 10001, 10002);
        }

        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        int? Port(string key) => parts.TryGetValue(key, out var url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback ? uri.Port : null;
        return Port("BlobEndpoint") is { } b && Port("QueueEndpoint") is { } q && Port("TableEndpoint") is { } t ? (b, q, t) : null;
    }

    private static async Task<bool> AnswersAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }
}
