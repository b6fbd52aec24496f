using PartyFunctions.Notifications;

namespace PartyFunctions.Infrastructure.Notifications;

/// <summary>The sink while no SendGrid key exists (or the sink is 'none'): sends nothing, so that every digest waits.</summary>
public sealed class UnconfiguredMailTransport : IMailTransport
{
    public Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.NotConfigured());
}
