using System.Reflection;
using NetArchTest.Rules;

namespace PartyFunctions.UnitTests.Architecture;

/// <summary>
/// The layers of docs/architecture.md, held by NetArchTest over the built assemblies: Core is plain C#, Infrastructure adapts
/// ports and holds no use case, and nothing ships a test (the triggers' rule: TriggerLayerTests).
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Core = Layers.Core;
    private static readonly Assembly Infrastructure = Layers.Infrastructure;
    private static readonly Assembly App = Layers.App;

    [Fact]
    public void Core_depends_on_no_Azure_AspNetCore_HTTP_or_presentation_type()
    {
        // Presentation (Liquid, the pages) sits above Core: Core returns outcomes, never markup.
        string[] forbidden = ["Azure", "Microsoft.Azure", "Microsoft.AspNetCore", "System.Net.Http", "SendGrid", "MimeKit", "Fluid", "PartyFunctions.Presentation"];

        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        var assemblies = Core.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => forbidden.Any(prefix => name.StartsWith(prefix + ".", StringComparison.Ordinal) || name == prefix));

        Assert.True(result.IsSuccessful, Layers.Offenders(result));
        Assert.Empty(assemblies);
    }

    [Fact]
    public void Infrastructure_holds_port_adapters_and_their_wiring_but_no_use_case()
    {
        string[] plumbing = ["Tables", "Entities", "Options", "Exception", "ServiceCollectionExtensions"];
        var offending = Infrastructure.GetExportedTypes()
            .Where(t => t.IsClass && !(t.IsAbstract && t.IsSealed))
            .Where(t => !t.GetInterfaces().Any(i => i.Assembly == Core))
            .Where(t => !plumbing.Any(suffix => t.Name.EndsWith(suffix, StringComparison.Ordinal)))
            .Where(t => t != typeof(StorageClients) && t != typeof(StorageNamespace) && t != typeof(StoragePipelinePolicy) && t.Name != "CreatedOnFirstUse`1")
            .Where(t => t.Namespace != "PartyFunctions.Configuration")
            .Select(t => t.FullName)
            .ToList();

        Assert.True(offending.Count == 0, "Infrastructure types that adapt no port: " + string.Join(", ", offending));
    }

    [Fact]
    public void No_shipped_project_references_a_test_project()
    {
        Assembly[] shipped = [Core, Infrastructure, App, typeof(PartyFunctions.Cli.PartyCommand).Assembly, typeof(LocalRunner.FunctionHost).Assembly, Layers.Presentation];

        var references = shipped.SelectMany(a => a.GetReferencedAssemblies().Select(r => $"{a.GetName().Name} -> {r.Name}"))
            .Where(r => r.Contains("Tests", StringComparison.Ordinal) || r.Contains("Benchmarks", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(references);
    }

}
