using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PartyFunctions.IntegrationTests.Harness;

/// <summary>The real Bicep compiler from the Azure.Bicep.CommandLine NuGet package, run offline.</summary>
public static class Bicep
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        /// <summary>Bicep reports type mismatches as warnings and still exits 0: a clean build has none of either.</summary>
        public IReadOnlyList<string> Diagnostics =>
            StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.Contains(": Warning ", StringComparison.Ordinal) || line.Contains(": Error ", StringComparison.Ordinal))
                .ToList();

        public bool Clean => ExitCode == 0 && Diagnostics.Count == 0;

        public override string ToString() => $"exit {ExitCode}\n{StandardError}";
    }

    /// <summary>Runs <c>bicep &lt;arguments&gt;</c> in the repository root.</summary>
    public static Task<Result> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Runs <c>bicep &lt;arguments&gt;</c> with extra environment variables (read by .bicepparam files).</summary>
    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(RepoPaths.BicepPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The compiler must not try to reach the network (no registry modules, no telemetry).
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Evaluates a .bicepparam file with the given environment: its parameters' values by name.</summary>
    public static async Task<JsonObject> ParameterValuesAsync(string relativePath, IReadOnlyDictionary<string, string> environment)
    {
        var result = await RunAsync(environment, "build-params", relativePath, "--stdout");
        if (!result.Clean)
        {
            throw new InvalidOperationException($"bicep build-params {relativePath} is not clean:\n{result}");
        }

        var parameters = JsonNode.Parse(JsonNode.Parse(result.StandardOutput)!["parametersJson"]!.GetValue<string>())!["parameters"]!.AsObject();
        return new JsonObject(parameters.Select(p => KeyValuePair.Create(p.Key, p.Value!["value"]?.DeepClone())));
    }

    /// <summary>Compiles a .bicep file to ARM JSON on standard output.</summary>
    public static Task<Result> BuildAsync(string relativePath) => RunAsync("build", relativePath, "--stdout");
}
