using System.Diagnostics;
using System.Text.Json;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Pages;

/// <summary>
/// The Nu Html Checker (npm <c>vnu-jar</c>, run with the machine's Java): every file in one run, the errors of each.
/// Without Java or the jar this fails, saying what to install: it never passes silently.
/// </summary>
internal static class NuHtmlChecker
{
    public static string Jar => RepoPaths.InRepo("node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>Each file's errors as "file:line: message" (warnings and info are left out).</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IEnumerable<string> files)
    {
        Assert.True(File.Exists(Jar), $"The HTML check needs {Jar}: run npm ci (scripts/test.sh does).");
        var java = Java();
        var start = new ProcessStartInfo(java) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-jar", Jar, "--format", "json", "--exit-zero-always" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var json = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(m => $"{(m.TryGetProperty("url", out var url) ? url.GetString()![(url.GetString()!.LastIndexOf('/') + 1)..] : "?")}:" +
                $"{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
            .ToList();
    }

    private static string Java()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, "java")).FirstOrDefault(File.Exists);
        Assert.True(found is not null, "The HTML check needs Java: run scripts/test.sh as root (it installs default-jre-headless) or apt-get install it.");
        return found!;
    }
}
