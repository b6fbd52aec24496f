using System.Text.RegularExpressions;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Infra;

/// <summary>
/// The deploy workflow, the parameters file, main.bicep and docs/deploy.md must agree: a variable the workflow sets
/// that no parameter reads, or a step the documentation does not describe, is how a first CI deployment goes wrong.
/// </summary>
public sealed partial class DeployWorkflowTests
{
    /// <summary>Variables azd and azure/login read themselves, not the parameters file.</summary>
    private static readonly string[] ForAzdAndLogin = ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP"];

    private static string Workflow => File.ReadAllText(RepoPaths.InRepo(".github", "workflows", "deploy.yml"));

    [Fact]
    public async Task Every_variable_the_workflow_passes_sets_a_parameter_that_main_bicep_declares()
    {
        var declared = (await CompiledMain.GetAsync()).Root["parameters"]!.AsObject().Select(p => p.Key).ToHashSet();
        var readBy = ParameterReads.ParameterByVariable();

        foreach (var variable in WorkflowEnvironment(Workflow).Except(ForAzdAndLogin))
        {
            Assert.True(readBy.TryGetValue(variable, out var parameter), $"The workflow sets {variable}, which infra/main.bicepparam does not read.");
            Assert.True(declared.Contains(parameter), $"{variable} sets '{parameter}', which infra/main.bicep does not declare.");
        }
    }

    [Fact]
    public void Every_variable_the_parameters_file_requires_is_passed_by_the_workflow()
    {
        var required = ParameterReads.RequiredVariables();

        Assert.NotEmpty(required);
        Assert.All(required, v => Assert.Contains(v, WorkflowEnvironment(Workflow)));
    }

    [Fact]
    public void The_workflow_sets_the_principal_type_and_an_explicit_resource_group_from_repository_variables()
    {
        var workflow = Workflow;

        Assert.Contains("AZURE_RESOURCE_GROUP: ${{ vars.AZURE_RESOURCE_GROUP }}", workflow, StringComparison.Ordinal);
        Assert.Contains("AZURE_PRINCIPAL_TYPE: ${{ vars.AZURE_PRINCIPAL_TYPE || 'ServicePrincipal' }}", workflow, StringComparison.Ordinal);
        // azd chooses the resource group from its environment, not from the process: both go in with `azd env set`.
        Assert.Contains("azd env set AZURE_RESOURCE_GROUP \"$AZURE_RESOURCE_GROUP\"", workflow, StringComparison.Ordinal);
        Assert.Contains("azd env set AZURE_PRINCIPAL_TYPE \"$AZURE_PRINCIPAL_TYPE\"", workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void The_CI_section_of_deploy_md_names_every_variable_secret_and_step_of_the_workflow_and_no_other()
    {
        var section = DeployDocs.Section("Continuous deployment");
        var workflow = Workflow;

        var read = RepositoryValue().Matches(workflow).Select(m => m.Groups["name"].Value).ToHashSet();
        var documented = UpperCaseName().Matches(section).Select(m => m.Value)
            .Where(n => n.StartsWith("AZURE_", StringComparison.Ordinal) || n.StartsWith("PARTY_", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Empty(read.Except(documented));
        Assert.Empty(documented.Except(read).Except(["AZURE_PRINCIPAL_ID"])); // azd fills that one itself
        Assert.All(StepName().Matches(workflow).Select(m => m.Groups["name"].Value.Trim()),
            step => Assert.Contains(step, section, StringComparison.Ordinal));
    }

    [Fact]
    public void The_checks_see_a_variable_the_parameters_file_does_not_read()
    {
        var workflow = "    env:\n      PARTY_UNKNOWN: ${{ vars.PARTY_UNKNOWN }}\n";

        Assert.DoesNotContain("PARTY_UNKNOWN", ParameterReads.ParameterByVariable().Keys);
        Assert.Equal(["PARTY_UNKNOWN"], WorkflowEnvironment(workflow));
    }

    /// <summary>The environment variables the workflow sets from expressions (its env: blocks).</summary>
    private static List<string> WorkflowEnvironment(string workflow) =>
        EnvironmentEntry().Matches(workflow).Select(m => m.Groups["name"].Value).Distinct().ToList();

    [GeneratedRegex(@"^\s+(?<name>[A-Z][A-Z0-9_]+):\s*\$\{\{", RegexOptions.Multiline)]
    private static partial Regex EnvironmentEntry();

    [GeneratedRegex(@"\$\{\{\s*(vars|secrets)\.(?<name>[A-Z][A-Z0-9_]+)")]
    private static partial Regex RepositoryValue();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")]
    private static partial Regex UpperCaseName();

    [GeneratedRegex(@"^\s+- name: (?<name>.+)$", RegexOptions.Multiline)]
    private static partial Regex StepName();
}
