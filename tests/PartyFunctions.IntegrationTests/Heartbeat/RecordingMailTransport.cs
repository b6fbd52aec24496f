using System.Collections.Concurrent;
using PartyFunctions.Notifications;

namespace PartyFunctions.IntegrationTests.Heartbeat;

/// <summary>Keeps every email it is asked to send: unlike the directory sink, a second send of one digest counts twice.</summary>
internal sealed class RecordingMailTransport : IMailTransport
{
    private readonly ConcurrentQueue<EmailMessage> sent = new();

    public IReadOnlyList<EmailMessage> Sent => [.. sent];

    public Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        sent.Enqueue(message);
        // Named after the digest, not the order of sending: concurrent sends in twin worlds get the same ids.
        return Task.FromResult<SendOutcome>(new SendOutcome.Accepted($"rec-{message.CustomArgs.GetValueOrDefault("digestId")}"));
    }
}
