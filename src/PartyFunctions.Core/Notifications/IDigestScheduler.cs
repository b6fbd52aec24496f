namespace PartyFunctions.Notifications;

/// <summary>Port: puts a digest on the email pipeline (one queue message per digest), now or after a delay.</summary>
public interface IDigestScheduler
{
    Task ScheduleAsync(DigestMessage message, TimeSpan delay, CancellationToken cancellationToken);
}
