using PartyFunctions.Cli;
using PartyFunctions.Cli.Local;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Demo;

/// <summary><c>party demo</c> in-process, each run on its own fresh in-memory Azurite.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string mail = Directory.CreateTempSubdirectory("party-demo-mail-").FullName;

    [Fact]
    public async Task The_same_seed_plays_the_same_year_and_another_seed_a_different_one()
    {
        var first = await DemoAsync(seed: 7);
        var second = await DemoAsync(seed: 7);
        var other = await DemoAsync(seed: 8);

        Assert.Equal(0, first.Exit);
        Assert.Equal(first.Output, second.Output);
        Assert.NotEqual(first.Output, other.Output);
        Assert.Contains("2026-11", first.Output, StringComparison.Ordinal);
        Assert.Contains("2026/DEMO.X01.html", first.Output, StringComparison.Ordinal);
        Assert.Matches(@"emails sent: [1-9]\d*", first.Output);
        Assert.NotEmpty(Directory.GetFiles(mail, "*.eml", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_weak_cells_plans_are_returned_or_accepted_closed_on_time_or_late_every_closed_plan_resolved_its_alert_and_the_tracker_shows_them()
    {
        var run = await DemoAsync(seed: 7);

        Assert.Equal(0, run.Exit);
        Assert.Contains("remediation plans    draft submitted returned accepted closed", run.Output, StringComparison.Ordinal);
        var weak = System.Text.RegularExpressions.Regex.Match(run.Output, @"\nannual-weak\s+\d+\s+\d+\s+\d+\s+\d+\s+(\d+)\r?\n");
        var plans = System.Text.RegularExpressions.Regex.Match(run.Output, @"\nannual-weak\s+0\s+0\s+0\s+0\s+([1-9]\d*)\r?\n");
        Assert.True(weak.Success && plans.Success, run.Output);
        Assert.Equal(weak.Groups[1].Value, plans.Groups[1].Value);
        Assert.Matches(@"returned for revision: [1-9]\d*, items closed on time: [1-9]\d*, late: [1-9]\d*, plan-overdue alerts opened: [1-9]\d*", run.Output);
        var mails = Directory.GetFiles(mail, "*.eml", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains(mails, m => m!.StartsWith("plan-returned-", StringComparison.Ordinal));
        var tracker = System.Text.RegularExpressions.Regex.Match(run.Error, @"tracker of remediation plans: (\S+\.html)");
        Assert.True(tracker.Success, run.Error);
        var page = await File.ReadAllTextAsync(tracker.Groups[1].Value);
        Assert.Contains("Đã hoàn thành", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_records_attendances_and_score_gaps_prints_the_app_metrics_on_stderr_and_the_digests_accepted_are_the_emails_sent()
    {
        var run = await DemoAsync(seed: 3);
        // Members attended some meetings with their own score, and some cells scored themselves a band above it.
        var attendances = System.Text.RegularExpressions.Regex.Match(run.Output, @"attendances recorded: ([1-9]\d*) \(([1-9]\d*) with a score\), score-gap alerts opened: ([1-9]\d*)");
        Assert.True(attendances.Success, run.Output);
        Assert.Contains("\nscore-gap ", run.Output, StringComparison.Ordinal);

        Assert.Equal(0, run.Exit);
        var emails = System.Text.RegularExpressions.Regex.Match(run.Output, @"emails sent: (\d+), digests written: (\d+)");
        Assert.Equal(emails.Groups[1].Value, emails.Groups[2].Value);
        var sent = System.Text.RegularExpressions.Regex.Match(run.Error, @"party\.digests\.sent\s+([\d,]+)");
        Assert.True(sent.Success, run.Error);
        Assert.Equal(emails.Groups[1].Value, sent.Groups[1].Value.Replace(",", "", StringComparison.Ordinal));
        Assert.Matches(@"party\.submissions\.accepted\s+[1-9]", run.Error);
    }

    [Fact]
    public async Task A_year_before_the_packs_exits_2()
    {
        var run = await DemoAsync(seed: 1, year: 2024);

        Assert.Equal(PartyCommand.InvalidInput, run.Exit);
    }

    public void Dispose() => Directory.Delete(mail, recursive: true);

    private async Task<(int Exit, string Output, string Error)> DemoAsync(int seed, int year = 2026)
    {
        using var azurite = await AzuriteProcess.StartAsync(RepoPaths.Root, (0, 0, 0));
        var configuration = AzuriteFixture.AppSettings(azurite.ConnectionString, new Dictionary<string, string?>
        {
            [AppSettings.EmailDirectory] = mail,
        });
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PartyCommand.RunAsync(
            ["demo", "--cells", "6", "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            output, error, configuration);
        return (exit, output.ToString().Replace(mail, "MAIL", StringComparison.Ordinal), error.ToString());
    }
}
