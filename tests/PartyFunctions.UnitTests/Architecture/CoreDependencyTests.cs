using PartyFunctions.Health;

namespace PartyFunctions.UnitTests.Architecture;

public sealed class CoreDependencyTests
{
    private static readonly string[] Forbidden = ["Azure.", "Microsoft.Azure.", "Microsoft.AspNetCore.", "SendGrid"];

    [Fact]
    public void Core_references_no_Azure_or_AspNetCore_assembly()
    {
        var core = typeof(CheckHealth).Assembly;

        var offending = core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => Forbidden.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();

        Assert.Equal("PartyFunctions.Core", core.GetName().Name);
        Assert.Empty(offending);
    }
}
