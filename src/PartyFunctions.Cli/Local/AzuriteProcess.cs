using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PartyFunctions.Cli.Local;

/// <summary>
/// Azurite started from the repository's node_modules (never npx: the PID would not be the server's) on the given
/// ports (0: free ports), in memory or with its data in a folder; killed with its process tree on dispose.
/// Used by <c>party demo</c> and by the integration tests' AzuriteFixture.
/// </summary>
public sealed partial class AzuriteProcess : IDisposable
{
    // Azurite's well-known development account: public, documented, and only valid against Azurite.
    public const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder output = new();
    private readonly Dictionary<string, int> ports = [];
    private readonly TaskCompletionSource allListening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? process;

    private AzuriteProcess()
    {
    }

    public int BlobPort => ports["Blob"];
    public int QueuePort => ports["Queue"];
    public int TablePort => ports["Table"];
    public int ProcessId => process?.Id ?? throw new InvalidOperationException("Azurite is not started.");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>The repository root above <paramref name="start"/> that holds node_modules/azurite, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(ScriptIn(dir.FullName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Starts Azurite and waits until its three services listen. <paramref name="location"/> null: in memory.</summary>
    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot, (int Blob, int Queue, int Table) wanted, string? location = null)
    {
        var script = ScriptIn(repositoryRoot);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException("Azurite is not installed: run `npm ci` at the repository root (scripts/test.sh does).");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repositoryRoot,
        };
        string[] storage = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        foreach (var arg in new[]
        {
            script, "--silent", "--disableTelemetry", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Text(wanted.Blob), "--queuePort", Text(wanted.Queue), "--tablePort", Text(wanted.Table),
        }.Concat(storage))
        {
            start.ArgumentList.Add(arg);
        }

        var azurite = new AzuriteProcess();
        azurite.process = new Process { StartInfo = start, EnableRaisingEvents = true };
        azurite.process.OutputDataReceived += (_, e) => azurite.OnLine(e.Data);
        azurite.process.ErrorDataReceived += (_, e) => azurite.OnLine(e.Data);
        azurite.process.Exited += (_, _) => azurite.allListening.TrySetException(
            new InvalidOperationException($"Azurite exited before it listened:\n{azurite.Output}"));
        azurite.process.Start();
        azurite.process.BeginOutputReadLine();
        azurite.process.BeginErrorReadLine();
        try
        {
            await azurite.allListening.Task.WaitAsync(StartTimeout);
            return azurite;
        }
        catch (TimeoutException)
        {
            azurite.Dispose();
            throw new TimeoutException($"Azurite did not listen within {StartTimeout.TotalSeconds} s:\n{azurite.Output}");
        }
        catch
        {
            azurite.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process?.Dispose();
        process = null;
    }

    private static string ScriptIn(string root) => Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                if (ports.Count == 3)
                {
                    allListening.TrySetResult();
                }
            }
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
