using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace PartyFunctions.LocalRunner;

/// <summary>The app's host.json as built beside the running program (the Function App links the repository's one).</summary>
public static class HostJson
{
    private static readonly Lazy<JsonNode> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")))
        ?? throw new InvalidDataException("host.json is empty."));

    public static JsonNode Root => Document.Value;

    public static int MaxDequeueCount => QueueHostOptions.From(Root, null).MaxDequeueCount;
}

/// <summary>
/// The queue trigger's settings (host.json <c>extensions.queues</c>), with the extension's defaults where absent and the
/// host's app-setting overrides (<c>AzureFunctionsJobHost__extensions__queues__name</c>) on top, as the host applies them.
/// </summary>
public sealed record QueueHostOptions(int BatchSize, int NewBatchThreshold, TimeSpan VisibilityTimeout, int MaxDequeueCount, TimeSpan MaxPollingInterval)
{
    /// <summary>The app setting section the host reads over host.json (":" in configuration, "__" in environment variables).</summary>
    public const string OverrideSection = "AzureFunctionsJobHost:extensions:queues";

    /// <summary>How many messages one instance runs at once: the extension's documented maximum.</summary>
    public int MaxConcurrency => BatchSize + NewBatchThreshold;

    /// <summary>These settings with one message at a time (batchSize 1, newBatchThreshold 0), as a host set up that way runs.</summary>
    public QueueHostOptions OneAtATime => this with { BatchSize = 1, NewBatchThreshold = 0 };

    public static QueueHostOptions From(JsonNode hostJson, IConfiguration? appSettings)
    {
        ArgumentNullException.ThrowIfNull(hostJson);
        var queues = hostJson["extensions"]?["queues"];
        string? Value(string name) =>
            appSettings?[$"{OverrideSection}:{name}"] ?? queues?[name]?.ToString();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        TimeSpan Time(string name, TimeSpan fallback) => Value(name) is { } v ? TimeSpan.Parse(v, CultureInfo.InvariantCulture) : fallback;

        // Defaults of the Storage Queues extension 5.x (QueuesOptions): batchSize 16, newBatchThreshold batchSize / 2 on
        // one vCPU, visibilityTimeout 0, maxDequeueCount 5, maxPollingInterval 1 minute.
        var batchSize = Int("batchSize", 16);
        return new QueueHostOptions(
            batchSize,
            Int("newBatchThreshold", batchSize / 2),
            Time("visibilityTimeout", TimeSpan.Zero),
            Int("maxDequeueCount", 5),
            Time("maxPollingInterval", TimeSpan.FromMinutes(1)));
    }
}
