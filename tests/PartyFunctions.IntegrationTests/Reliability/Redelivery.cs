using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Reliability;

/// <summary>
/// A queue function's case: the app with the state the message needs, the message waiting on the function's queue as
/// the app put it there, the clock to move between deliveries (null: the real clock), the emails sent so far, and the
/// columns a redelivery may re-stamp with the current time (see <see cref="StorageSnapshot"/>).
/// </summary>
internal sealed class Redelivery(
    FunctionHost host, FakeTimeProvider? clock, Func<IEnumerable<string>> emails, IAsyncDisposable owner, params string[] restamped) : IAsyncDisposable
{
    private readonly HashSet<string> restampedColumns = [.. restamped];

    public FunctionHost Host => host;
    public FakeTimeProvider? Clock => clock;
    public StorageClients Storage => host.Services.GetRequiredService<StorageClients>();

    public Task<StorageSnapshot> SnapshotAsync(bool contentTimesBlanked = false) =>
        StorageSnapshot.OfAccountAsync(Storage, emails(), restampedColumns, contentTimesBlanked);

    public ValueTask DisposeAsync() => owner.DisposeAsync();
}
