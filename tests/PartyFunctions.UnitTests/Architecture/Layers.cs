using System.Reflection;
using NetArchTest.Rules;
using PartyFunctions.Health;
using PartyFunctions.Hosting;

namespace PartyFunctions.UnitTests.Architecture;

/// <summary>The assemblies of each layer, and the ports between them, for the architecture tests.</summary>
internal static class Layers
{
    public static readonly Assembly Core = typeof(CheckHealth).Assembly;
    public static readonly Assembly Infrastructure = typeof(StorageClients).Assembly;
    public static readonly Assembly App = typeof(WorkerPipeline).Assembly;
    public static readonly Assembly Presentation = typeof(PartyFunctions.Presentation.LiquidTemplates).Assembly;

    /// <summary>The ports: Core's interfaces that Infrastructure implements (a new port joins the list by being implemented).</summary>
    public static readonly string[] Ports =
    [
        .. Infrastructure.GetTypes().SelectMany(t => t.GetInterfaces())
            .Where(i => i.Assembly == Core).Select(i => i.FullName!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
    ];

    public static string Offenders(TestResult result) =>
        "offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
