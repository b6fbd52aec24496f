namespace PartyFunctions.Health;

/// <summary>Port: asks each storage service (tables, blobs, queues) for a cheap answer.</summary>
public interface IStorageProbe
{
    Task<IReadOnlyList<ServiceHealth>> ProbeAsync(CancellationToken cancellationToken);
}
