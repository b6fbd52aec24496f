namespace PartyFunctions;

/// <summary>
/// A table, container or queue created on first use, then reused. Unlike <c>Lazy&lt;Task&lt;T&gt;&gt;</c>, a creation that
/// failed (a storage outage, a timeout) is not kept: the next caller tries again, so one outage at the first request
/// cannot break every later request of the instance.
/// </summary>
public sealed class CreatedOnFirstUse<T>(Func<Task<T>> create)
{
    private readonly Lock gate = new();
    private Task<T>? current;

    public Task<T> Value
    {
        get
        {
            lock (gate)
            {
                if (current is null || current.IsFaulted || current.IsCanceled)
                {
                    current = create();
                }

                return current;
            }
        }
    }
}
