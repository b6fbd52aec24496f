using PartyFunctions.Notifications;

namespace PartyFunctions.Cli.Demo;

/// <summary>Counts what the mail sink accepted, across every instance of the demo's app: the "emails sent" of the summary.</summary>
public sealed class CountingMailTransport(IMailTransport inner) : IMailTransport
{
    private int accepted;

    public int Accepted => Volatile.Read(ref accepted);

    public async Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var outcome = await inner.SendAsync(message, cancellationToken);
        if (outcome is SendOutcome.Accepted)
        {
            Interlocked.Increment(ref accepted);
        }

        return outcome;
    }
}
