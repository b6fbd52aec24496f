namespace PartyFunctions.Organisation;

/// <summary>Port: keeps every import file exactly as received, before it is read, so an office can see what was sent.</summary>
public interface IImportArchive
{
    /// <summary>Stores <paramref name="content"/> and returns where (e.g. the blob name).</summary>
    Task<string> StoreAsync(string kind, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}
