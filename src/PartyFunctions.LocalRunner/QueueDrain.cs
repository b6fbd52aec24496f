namespace PartyFunctions.LocalRunner;

/// <summary>
/// One drain of a queue shared by every instance taking part: how many invocations may still start, how many are in
/// flight on any instance, and until when a released (failed) message is still due back. The drain is over when no
/// instance has work in flight, no released message is due back, and the queue shows nothing visible.
/// </summary>
internal sealed class QueueDrain(int maxInvocations, TimeProvider clock)
{
    private readonly Lock gate = new();
    private int remaining = maxInvocations;
    private int inFlight;
    private int succeeded;
    private DateTimeOffset retriesDueBy = DateTimeOffset.MinValue;

    public int Succeeded => Volatile.Read(ref succeeded);

    public bool Exhausted
    {
        get
        {
            lock (gate)
            {
                return remaining <= 0;
            }
        }
    }

    /// <summary>Reserves up to <paramref name="wanted"/> invocations before receiving; what is not received is given back.</summary>
    public int Reserve(int wanted)
    {
        lock (gate)
        {
            var granted = Math.Clamp(remaining, 0, wanted);
            remaining -= granted;
            inFlight += granted;
            return granted;
        }
    }

    public void GiveBack(int unused)
    {
        lock (gate)
        {
            remaining += unused;
            inFlight -= unused;
        }
    }

    public void Finished(bool success)
    {
        lock (gate)
        {
            inFlight--;
            succeeded += success ? 1 : 0;
        }
    }

    public void Released(TimeSpan visibilityTimeout)
    {
        lock (gate)
        {
            var due = clock.GetUtcNow() + visibilityTimeout;
            retriesDueBy = due > retriesDueBy ? due : retriesDueBy;
        }
    }

    /// <summary>True when nothing runs anywhere and no released message is due back: an empty receive then ends the drain.</summary>
    public bool Quiet
    {
        get
        {
            lock (gate)
            {
                return inFlight == 0 && clock.GetUtcNow() >= retriesDueBy;
            }
        }
    }
}
