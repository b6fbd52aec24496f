using System.Text.Json.Nodes;

namespace PartyFunctions.IntegrationTests.Harness;

/// <summary>The repository's host.json, the one the app ships: the harness honours its queue settings.</summary>
public static class HostJson
{
    private static readonly Lazy<JsonNode> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("host.json")))!);

    public static JsonNode Root => Document.Value;

    public static int MaxDequeueCount => Root["extensions"]?["queues"]?["maxDequeueCount"]?.GetValue<int>() ?? 5;
}
