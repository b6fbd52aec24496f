using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Infra;

/// <summary>azure.yaml and its post-provision hook, which waits for the app identity's role assignments before the first publish.</summary>
public sealed partial class AzdProjectTests
{
    private static string AzureYaml => File.ReadAllText(RepoPaths.InRepo("azure.yaml"));

    [Fact]
    public void Azure_yaml_requires_a_minimum_azd_version()
    {
        // Syntax: https://learn.microsoft.com/azure/developer/azure-developer-cli/azd-schema (requiredVersions.azd)
        var match = RequiredAzd().Match(AzureYaml);

        Assert.True(match.Success, "azure.yaml has no requiredVersions: azd: \">= x.y.z\"");
        Assert.True(Version.Parse(match.Groups["version"].Value) >= new Version(1, 10, 0));
    }

    [Fact]
    public void Azure_yaml_runs_an_existing_wait_script_after_provisioning_on_both_shells()
    {
        var yaml = AzureYaml;

        Assert.Contains("postprovision:", yaml, StringComparison.Ordinal);
        foreach (Match run in HookRun().Matches(yaml))
        {
            Assert.True(File.Exists(RepoPaths.InRepo(run.Groups["script"].Value.Split('/'))), run.Value);
        }

        Assert.Equal(2, HookRun().Count(yaml));
    }

    [Fact]
    public async Task The_hook_waits_for_what_is_left_of_the_window_after_a_new_assignment()
    {
        var created = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var (exitCode, output, elapsed) = await RunHookAsync(windowSeconds: 3, createdOn: created);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"waiting [1-3]s", output);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_hook_does_not_wait_when_the_assignments_are_older_than_the_window()
    {
        var (exitCode, output, elapsed) = await RunHookAsync(windowSeconds: 300, createdOn: "2020-01-01T00:00:00Z");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("waiting", output, StringComparison.Ordinal);
        Assert.Contains("settled", output, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(30));
    }

    /// <summary>Runs the bash hook with a stand-in <c>az</c> that lists one assignment created at <paramref name="createdOn"/>.</summary>
    private static async Task<(int ExitCode, string Output, TimeSpan Elapsed)> RunHookAsync(int windowSeconds, string createdOn)
    {
        var bin = Directory.CreateTempSubdirectory("fake-az");
        try
        {
            var az = Path.Combine(bin.FullName, "az");
            await File.WriteAllTextAsync(az, $"#!/usr/bin/env bash\necho '{createdOn}'\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var start = new ProcessStartInfo("bash", [RepoPaths.InRepo("scripts", "wait-for-role-assignments.sh")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["PATH"] = $"{bin.FullName}:{Environment.GetEnvironmentVariable("PATH")}";
            start.Environment["PARTY_ROLE_WAIT_SECONDS"] = windowSeconds.ToString(CultureInfo.InvariantCulture);
            start.Environment["AZURE_APP_IDENTITY_PRINCIPAL_ID"] = "00000000-0000-0000-0000-000000000001";
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output, clock.Elapsed);
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    [GeneratedRegex("""^requiredVersions:\s*\n\s+azd:\s*"?>=\s*(?<version>\d+\.\d+\.\d+)"?\s*$""", RegexOptions.Multiline)]
    private static partial Regex RequiredAzd();

    [GeneratedRegex(@"run: (bash |\./)?(?<script>scripts/[\w.-]+)")]
    private static partial Regex HookRun();
}
