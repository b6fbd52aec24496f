using PartyFunctions.Configuration;

namespace PartyFunctions.IntegrationTests.Alerts;

/// <summary>The timers' names and schedule settings, the queue and the routes, as functions.metadata tells the host.</summary>
public sealed class AlertFunctionsContractTests
{
    [Theory]
    [InlineData("Reminders", AppSettings.RemindersSchedule)]
    [InlineData("Cutoff", AppSettings.CutoffSchedule)]
    [InlineData("Escalation", AppSettings.EscalationSchedule)]
    public void Each_deadline_timer_runs_on_its_schedule_setting(string name, string setting)
    {
        var trigger = FunctionsMetadata.OfBuiltApp[name].Trigger;

        Assert.Equal("timerTrigger", trigger.Type);
        Assert.Equal($"%{setting}%", trigger.Schedule);
    }

    [Fact]
    public void Score_events_are_consumed_from_their_queue_on_the_app_storage()
    {
        var trigger = FunctionsMetadata.OfBuiltApp["ScoreEvents"].Trigger;

        Assert.Equal(("queueTrigger", StorageNames.ScoreEventsQueue, AppSettings.StorageConnection), (trigger.Type, trigger.QueueName, trigger.Connection));
    }

    [Theory]
    [InlineData("AcknowledgeAlertPage", "alerts/acknowledge", "get")]
    [InlineData("AcknowledgeAlert", "alerts/acknowledge", "post")]
    [InlineData("MonthlyStatus", "status/{unitId}/{period}", "get")]
    [InlineData("MonthlyStatusCsv", "status/{unitId}/{period}/csv", "get")]
    [InlineData("YearGrid", "status/{unitId}/{year:int}/year", "get")]
    [InlineData("YearGridCsv", "status/{unitId}/{year:int}/year/csv", "get")]
    public void The_signed_link_pages_are_anonymous_routes(string name, string route, string method)
    {
        var trigger = FunctionsMetadata.OfBuiltApp[name].Trigger;

        Assert.Equal((route, "Anonymous"), (trigger.Route, trigger.AuthLevel));
        Assert.Equal([method], trigger.Methods!.Select(m => m.ToLowerInvariant()));
    }
}
