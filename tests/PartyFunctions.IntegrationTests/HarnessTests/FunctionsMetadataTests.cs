
namespace PartyFunctions.IntegrationTests.HarnessTests;

public sealed class FunctionsMetadataTests
{
    [Fact]
    public void Reads_the_functions_the_worker_sdk_generated_for_the_built_app()
    {
        var metadata = FunctionsMetadata.OfBuiltApp;

        Assert.Contains(metadata.Functions, f => f.Name == "Health");
        Assert.All(metadata.Functions, f => Assert.Equal("PartyFunctions.dll", f.ScriptFile));
    }

    [Fact]
    public void Reads_queue_and_timer_bindings_and_their_setting_names()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """
            [
              { "name": "Cutoff", "scriptFile": "PartyFunctions.dll", "entryPoint": "PartyFunctions.Deadlines.CutoffFunction.RunAsync",
                "bindings": [ { "name": "timer", "direction": "In", "type": "timerTrigger", "schedule": "%Schedules:Cutoff%", "runOnStartup": false } ] },
              { "name": "SendDigest", "scriptFile": "PartyFunctions.dll", "entryPoint": "PartyFunctions.Notifications.SendDigestFunction.RunAsync",
                "bindings": [ { "name": "message", "direction": "In", "type": "queueTrigger", "queueName": "digests", "connection": "AzureWebJobsStorage" } ] }
            ]
            """);
        try
        {
            var metadata = FunctionsMetadata.Load(path);

            Assert.Equal("Schedules:Cutoff", BindingDescriptor.SettingName(metadata["Cutoff"].Trigger.Schedule));
            Assert.Equal(("PartyFunctions.Deadlines.CutoffFunction", "RunAsync"), metadata["Cutoff"].Method);
            Assert.Equal("digests", metadata["SendDigest"].Trigger.QueueName);
            Assert.Equal("AzureWebJobsStorage", metadata["SendDigest"].Trigger.Connection);
            Assert.Null(BindingDescriptor.SettingName(metadata["SendDigest"].Trigger.QueueName));
            Assert.Throws<KeyNotFoundException>(() => metadata["Missing"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
