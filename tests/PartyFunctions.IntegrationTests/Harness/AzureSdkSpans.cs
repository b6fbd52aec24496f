using System.Runtime.CompilerServices;

namespace PartyFunctions.IntegrationTests.Harness;

internal static class AzureSdkSpans
{
    /// <summary>
    /// The Azure SDK reads its switch once, when its first client is built; the app turns it on in AddPartyTelemetry,
    /// before any client exists. Tests build clients in any order, so the switch is on from the start here too.
    /// </summary>
    [ModuleInitializer]
    internal static void TurnOn() => AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
}
