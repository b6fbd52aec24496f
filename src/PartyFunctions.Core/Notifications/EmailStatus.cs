namespace PartyFunctions.Notifications;

/// <summary>
/// Where email goes in this deployment: <c>sendgrid</c>, <c>directory</c> (local .eml files) or <see cref="NotConfigured"/>
/// (no SendGrid key yet, or the sink set to none): then every digest waits, pending, and health, the heartbeat check
/// and the administrators' page say so.
/// </summary>
public sealed record EmailStatus(string Sink)
{
    public const string NotConfigured = "not configured";

    /// <summary>What the pages and logs say while email is not configured, Vietnamese first.</summary>
    public const string NotConfiguredText = "Email chưa được cấu hình: thư đang chờ gửi / email not configured: emails are waiting";

    public bool Configured => Sink != NotConfigured;
}
