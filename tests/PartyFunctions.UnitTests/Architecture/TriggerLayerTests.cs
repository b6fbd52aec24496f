using Microsoft.Azure.Functions.Worker;
using Mono.Cecil;
using NetArchTest.Rules;

namespace PartyFunctions.UnitTests.Architecture;

/// <summary>A trigger maps I/O to use cases and back: it never reaches a store or a storage adapter itself.</summary>
public sealed class TriggerLayerTests
{
    [Fact]
    public void A_trigger_depends_on_no_store_or_storage_adapter()
    {
        Assert.Contains("PartyFunctions.Submissions.IScoreStore", Layers.Ports);
        Assert.Contains("PartyFunctions.Notifications.IOutbox", Layers.Ports);

        var result = Types.InAssembly(Layers.App).That().MeetCustomRule(new DeclaresFunctions()).ShouldNot()
            .HaveDependencyOnAny([.. Layers.Ports, "PartyFunctions.Infrastructure", "PartyFunctions.StorageClients", "PartyFunctions.StorageNamespace"])
            .GetResult();

        Assert.True(result.IsSuccessful, Layers.Offenders(result));
    }

    /// <summary>A class with a method marked [Function]: a trigger, as the Worker SDK finds them.</summary>
    private sealed class DeclaresFunctions : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type) =>
            type.Methods.Any(m => m.CustomAttributes.Any(a => a.AttributeType.FullName == typeof(FunctionAttribute).FullName));
    }
}
