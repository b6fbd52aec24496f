using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Telemetry;

namespace PartyFunctions.IntegrationTests.Infra;

/// <summary>
/// The alert rules, their action group and the workbook, as the real compiler builds them: the rules the issue asked
/// for, each on Application Insights and sent to the one action group, whose email is a parameter; every query file in
/// infra/alerts and infra/workbooks used once, and every metric they name one the app emits.
/// </summary>
public sealed partial class MonitoringTemplateTests
{
    private static readonly string[] Rules = ["poison", "digests-failing", "http-5xx", "pending-shards", "late-timers"];

    [Fact]
    public async Task One_action_group_emails_the_alert_address_or_else_the_administrators_mailbox()
    {
        var template = await CompiledMain.GetAsync();
        var group = template.OnlyOfType("Microsoft.Insights/actionGroups");

        Assert.Equal("global", group.Node["location"]!.GetValue<string>());
        Assert.True(group.Properties["enabled"]!.GetValue<bool>());
        var receiver = Assert.Single(group.Properties["emailReceivers"]!.AsArray())!;
        Assert.Equal("[parameters('alertEmail')]", receiver["emailAddress"]!.GetValue<string>());
        Assert.InRange(group.Properties["groupShortName"]!.GetValue<string>().Length, 1, 12);
        Assert.Equal(
            "[if(empty(parameters('alertEmail')), createObject('value', parameters('adminMailbox')), createObject('value', parameters('alertEmail')))]",
            template.ModuleParameters("alerts")["alertEmail"]!.GetValue<string>());
        Assert.Equal(string.Empty, template.Root["parameters"]!["alertEmail"]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_rule_the_issue_asked_for_watches_Application_Insights_and_tells_the_action_group()
    {
        var template = await CompiledMain.GetAsync();
        var module = template.Module("alerts");
        var rule = template.OnlyOfType("Microsoft.Insights/scheduledQueryRules");
        var rules = ArmTemplate.Variable(module, "rules").AsArray();

        Assert.Equal(Rules, rules.Select(r => r!["name"]!.GetValue<string>()));
        Assert.Equal("[length(variables('rules'))]", rule.Node["copy"]!["count"]!.GetValue<string>());
        Assert.Equal("LogAlert", rule.Node["kind"]!.GetValue<string>());
        Assert.Equal("[parameters('applicationInsightsId')]", Assert.Single(rule.Properties["scopes"]!.AsArray())!.GetValue<string>());
        Assert.Equal("[resourceId('Microsoft.Insights/actionGroups', parameters('actionGroupName'))]",
            Assert.Single(rule.Properties["actions"]!["actionGroups"]!.AsArray())!.GetValue<string>());
        Assert.True(rule.Properties["enabled"]!.GetValue<bool>());
        Assert.True(rule.Properties["autoMitigate"]!.GetValue<bool>());
        var criterion = Assert.Single(rule.Properties["criteria"]!["allOf"]!.AsArray())!;
        Assert.Equal("Count", criterion["timeAggregation"]!.GetValue<string>());
        Assert.Equal("GreaterThan", criterion["operator"]!.GetValue<string>());
        Assert.Equal("[reference('monitoring').outputs.applicationInsightsId.value]",
            template.ModuleParameters("alerts")["applicationInsightsId"]!["value"]!.GetValue<string>());
        // Any poison message, any failed digest, any late shard or timer fires; 5xx only above the threshold.
        Assert.All(rules.Where(r => r!["name"]!.GetValue<string>() != "http-5xx"), r => Assert.Equal(0, r!["threshold"]!.GetValue<int>()));
        Assert.Equal("[parameters('http5xxThreshold')]", rules.Single(r => r!["name"]!.GetValue<string>() == "http-5xx")!["threshold"]!.GetValue<string>());
        Assert.Equal(10, template.Root["parameters"]!["http5xxThreshold"]!["defaultValue"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_alert_query_file_is_one_rule_s_query()
    {
        var module = (await CompiledMain.GetAsync()).Module("alerts");

        var queries = ArmTemplate.Variable(module, "rules").AsArray().Select(r => Text(module, r!["query"]!)).ToList();

        Assert.Equal(QueryFiles("alerts").Order(StringComparer.Ordinal), queries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_workbook_is_shared_on_Application_Insights_with_every_workbook_query_file_as_a_panel()
    {
        var template = await CompiledMain.GetAsync();
        var module = template.Module("workbook");
        var workbook = template.OnlyOfType("Microsoft.Insights/workbooks");

        Assert.Equal("shared", workbook.Node["kind"]!.GetValue<string>());
        Assert.Equal("[parameters('applicationInsightsId')]", workbook.Properties["sourceId"]!.GetValue<string>());
        Assert.StartsWith("[guid(", workbook.Name, StringComparison.Ordinal);
        Assert.Equal("[string(variables('content'))]", workbook.Properties["serializedData"]!.GetValue<string>());
        var panels = ArmTemplate.Variable(module, "panels").AsArray();
        Assert.Equal(QueryFiles("workbooks").Order(StringComparer.Ordinal), panels.Select(p => Text(module, p!["query"]!)).Order(StringComparer.Ordinal));
        Assert.Contains(panels, p => p!["title"]!.GetValue<string>().Contains("deadline", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_metric_a_query_names_is_one_the_app_emits()
    {
        var named = QueryFiles("alerts").Concat(QueryFiles("workbooks")).SelectMany(q => MetricName().Matches(q).Select(m => m.Value)).ToHashSet();

        Assert.NotEmpty(named);
        Assert.Empty(named.Except(MetricNames.All));
        // Each metric the app emits is watched or shown somewhere.
        Assert.Empty(MetricNames.All.Except(named));
    }

    [Fact]
    public async Task The_alert_parameters_flow_from_the_parameters_file()
    {
        var key = new Dictionary<string, string> { ["PARTY_LINK_SIGNING_KEY"] = Convert.ToBase64String(new byte[32]) };

        var defaults = await Bicep.ParameterValuesAsync("infra/main.bicepparam", key);
        var set = await Bicep.ParameterValuesAsync("infra/main.bicepparam", new Dictionary<string, string>(key) { ["PARTY_ALERT_EMAIL"] = "it@tinhuy.example.vn" });

        Assert.Equal(string.Empty, defaults["alertEmail"]!.GetValue<string>());
        Assert.Equal("it@tinhuy.example.vn", set["alertEmail"]!.GetValue<string>());
        Assert.Equal(10, defaults["http5xxThreshold"]!.GetValue<int>());
    }

    private static List<string> QueryFiles(string folder) =>
        Directory.GetFiles(RepoPaths.InRepo("infra", folder), "*.kql").Select(File.ReadAllText).ToList();

    /// <summary>A loadTextContent value: compiled to a variable of the module, referenced as <c>[variables('…')]</c>.</summary>
    private static string Text(JsonNode module, JsonNode value)
    {
        var text = value.GetValue<string>();
        return text.StartsWith("[variables('", StringComparison.Ordinal)
            ? ArmTemplate.Variable(module, text["[variables('".Length..^"')]".Length]).GetValue<string>()
            : text;
    }

    [GeneratedRegex(@"party\.[a-z_]+(\.[a-z_]+)+")]
    private static partial Regex MetricName();
}
