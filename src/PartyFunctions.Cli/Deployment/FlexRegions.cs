namespace PartyFunctions.Cli.Deployment;

/// <summary>
/// Regions known to offer Flex Consumption when this list was written (the Azure Functions Flex Consumption samples'
/// allowed regions). Azure adds regions: a region missing here is reported for confirming online, not refused.
/// </summary>
public static class FlexRegions
{
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "australiaeast", "centralindia", "centralus", "eastasia", "eastus", "eastus2", "francecentral", "germanywestcentral",
        "northcentralus", "northeurope", "southcentralus", "southeastasia", "swedencentral", "uksouth",
        "westcentralus", "westeurope", "westus2",
    };

    /// <summary>The exact command that lists the regions online.</summary>
    public const string ListCommand = "az functionapp list-flexconsumption-locations --output table";

    /// <summary>The exact command that lists the .NET runtimes a region offers on Flex Consumption.</summary>
    public static string RuntimesCommand(string region) =>
        $"az functionapp list-flexconsumption-runtimes --location {region} --runtime dotnet-isolated --output table";
}
