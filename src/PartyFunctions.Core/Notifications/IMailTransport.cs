namespace PartyFunctions.Notifications;

/// <summary>Port: sends a rendered email; retries transient faults itself and throws when they persist.</summary>
public interface IMailTransport
{
    Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
