using PartyFunctions.Heartbeat;

namespace PartyFunctions.UnitTests.Heartbeat;

public sealed class HeartbeatCheckOutcomeTests
{
    [Fact]
    public void Email_not_configured_needs_attention_and_says_so_in_Vietnamese_then_English()
    {
        var outcome = new HeartbeatCheckOutcome(5, [], null) { EmailConfigured = false };

        Assert.True(outcome.NeedsAttention);
        Assert.Equal("5 timers, none late; Email chưa được cấu hình: thư đang chờ gửi / email not configured: emails are waiting", outcome.ToString());
    }

    [Fact]
    public void Nothing_late_with_email_configured_needs_no_attention()
    {
        var outcome = new HeartbeatCheckOutcome(5, [], null);

        Assert.False(outcome.NeedsAttention);
        Assert.Equal("5 timers, none late", outcome.ToString());
    }
}
